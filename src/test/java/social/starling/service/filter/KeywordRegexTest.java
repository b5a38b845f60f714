package social.starling.service.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keyword patterns as Mastodon's CustomFilterKeyword#to_regex. */
class KeywordRegexTest {
    static boolean matches(String keyword, boolean wholeWord, String text) {
        return Pattern.compile(KeywordStatusFilterer.regex(keyword, wholeWord), Pattern.CASE_INSENSITIVE
                | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS | Pattern.DOTALL).matcher(text).find();
    }

    @Test
    void wholeWordsStopAtWordBoundaries() {
        assertThat(matches("cat", true, "my Cat.")).isTrue();
        assertThat(matches("cat", true, "category")).isFalse();
        assertThat(matches("café", true, "un CAFÉ noir")).isTrue();
        assertThat(matches("café", true, "cafés")).isFalse();
        assertThat(matches("Ünïcode", true, "über ünïcode!")).isTrue();
    }

    @Test
    void boundariesOnlyWhereTheKeywordHasWordCharacters() {
        assertThat(matches("#tag", true, "a#tag")).isTrue(); // no \\b before '#'
        assertThat(matches("#tag", true, "#tagged")).isFalse();
        assertThat(matches("c++", true, "c++11")).isTrue();
        assertThat(matches("a.b", true, "axb")).isFalse(); // quoted, not a pattern
    }

    @Test
    void otherKeywordsMatchAnywhere() {
        assertThat(matches("dog", false, "HOTDOGS")).isTrue();
        assertThat(matches("(x)", false, "f(x)=1")).isTrue();
    }
}
