package social.starling.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Cases mostly from Mastodon's spec/lib/text_formatter_spec.rb, extractor_spec.rb and tag_spec.rb. */
class StatusTextTest {

    private static List<String> urls(String text) {
        return StatusText.extract(text).urls().stream().map(TextEntity.Url::url).toList();
    }

    private static List<String> mentions(String text) {
        return StatusText.extract(text).mentions().stream().map(TextEntity.Mention::acct).toList();
    }

    private static List<String> hashtags(String text) {
        return StatusText.extract(text).hashtags().stream().map(TextEntity.Hashtag::name).toList();
    }

    @Nested
    class Urls {
        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "http://google.com | http://google.com",
            "http://example.gay | http://example.gay",
            "https://hackernoon.com/the-power-to-build-communities-a-response-to-mark-zuckerberg-3f2cac9148a4"
                    + " | https://hackernoon.com/the-power-to-build-communities-a-response-to-mark-zuckerberg-3f2cac9148a4",
            "http://www.mcmansionhell.com/post/156408871451/50-states-of-mcmansion-hell-scottsdale-arizona. "
                    + " | http://www.mcmansionhell.com/post/156408871451/50-states-of-mcmansion-hell-scottsdale-arizona",
            "(http://google.com/) | http://google.com/",
            "http://www.google.com! | http://www.google.com",
            "`http://www.google.com'` | http://www.google.com",
            "http://www.google.com> | http://www.google.com",
            "`\"https://example.com/\"` | https://example.com/",
            "<https://example.com/> | https://example.com/",
            "https://en.wikipedia.org/wiki/Diaspora_(software) | https://en.wikipedia.org/wiki/Diaspora_(software)",
            "see https://en.wikipedia.org/wiki/Diaspora_(software). | https://en.wikipedia.org/wiki/Diaspora_(software)",
            "https://example.com/a_(b_(c)_d) | https://example.com/a_(b_(c)_d)",
            "https://ja.wikipedia.org/wiki/日本 | https://ja.wikipedia.org/wiki/日本",
            "https://ko.wikipedia.org/wiki/대한민국 | https://ko.wikipedia.org/wiki/대한민국",
            "https://baike.baidu.com/item/中华人民共和国 | https://baike.baidu.com/item/中华人民共和国",
            "https://example.com/　abc123 | https://example.com/",
            "「[https://example.org/」 | https://example.org/",
            "https://nic.みんな/ | https://nic.みんな/",
            "https://www.ruby-toolbox.com/search?utf8=%E2%9C%93&q=autolink"
                    + " | https://www.ruby-toolbox.com/search?utf8=%E2%9C%93&q=autolink",
            "https://www.ruby-toolbox.com/search?utf8=✓&q=autolink | https://www.ruby-toolbox.com/search?utf8=✓&q=autolink",
            "https://www.ruby-toolbox.com/search?utf8=✓ | https://www.ruby-toolbox.com/search?utf8=✓",
            "http://example.com/b<del>b</del> | http://example.com/b",
            "http://example.com/blahblahblahblah/a<script>alert(\"Hello\")</script> | http://example.com/blahblahblahblah/a",
            "https://example.com:8443/x?y=1 | https://example.com:8443/x?y=1",
            "https://example.com/search?q=a, | https://example.com/search?q=a",
            "https://example.com/page?. | https://example.com/page",
            "HTTPS://EXAMPLE.COM/Path | HTTPS://EXAMPLE.COM/Path",
            "https://www.example.co.uk/a | https://www.example.co.uk/a",
            "https://example.com/page#section | https://example.com/page#section",
            "https://example.comです | https://example.com",
            "gemini://example.org/gemlog | gemini://example.org/gemlog",
            "https://example.com/~user/ | https://example.com/~user/",
            "https://example.com/a... | https://example.com/a",
            "https://example.com/what?! | https://example.com/what",
            "https://example.com/a;b:c=d | https://example.com/a;b:c=d",
        })
        void findsTheUrlWithoutTrailingPunctuation(String text, String url) {
            assertThat(urls(text)).containsExactly(url);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "http://www\\.google\\.com",
            "example.com",
            "www.example.com/path",
            "foohttps://example.com",
            "#https://example.com",
            "@https://example.com",
            "https://localhost:3000/",
            "https://127.0.0.1/",
            "https://",
            "mailto:alice@example.com",
            "javascript:alert(1)",
            "https://example.c0m",
        })
        void findsNoUrl(String text) {
            assertThat(urls(text)).isEmpty();
        }

        @Test
        void reportsPositionsAsJavaStringIndices() {
            String text = "😀 look: https://example.com/x.";
            TextEntity.Url url = StatusText.extract(text).urls().getFirst();
            assertThat(text.substring(url.start(), url.end())).isEqualTo("https://example.com/x");
            assertThat(url.start()).isEqualTo(9);
        }

        @Test
        void findsSeveralUrls() {
            assertThat(urls("a https://one.example/x and http://two.example?y=1, done"))
                    .containsExactly("https://one.example/x", "http://two.example?y=1");
        }

        @Test
        void dropsAUrlWhoseDomainFailsIdna() {
            assertThat(urls("https://" + "a".repeat(64) + ".com/")).isEmpty();
        }

        @Test
        void dropsAUrlLongerThan4096Characters() {
            assertThat(urls("https://example.com/" + "a".repeat(5000))).isEmpty();
            assertThat(urls("https://example.com/" + "a".repeat(4000))).hasSize(1);
        }

        @Test
        void survivesHostileInput() {
            String parens = "https://example.com/" + "(a)".repeat(50_000);
            assertThat(urls(parens)).isEmpty(); // longer than 4096
            String labels = "https://" + "a.".repeat(50_000) + "com";
            assertThat(urls(labels)).isEmpty();
            String dots = "https://example.com/a" + ".".repeat(100_000);
            assertThat(urls(dots)).containsExactly("https://example.com/a");
        }
    }

    @Nested
    class Mentions {
        @Test
        void findsLocalAndRemoteMentions() {
            Extracted extracted = StatusText.extract("hi @alice and @bob@remote.example!");
            assertThat(extracted.mentions()).containsExactly(
                    new TextEntity.Mention("alice", null, 3, 9),
                    new TextEntity.Mention("bob", "remote.example", 14, 33));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "@alice | alice",
            "@alice. | alice",
            "@alice, hi | alice",
            "(@alice) | alice",
            "@alice@example.com. | alice@example.com",
            "@Alice@Example.COM | Alice@Example.COM",
            "@alice@sub.example-host.social | alice@sub.example-host.social",
            "@alice@exämple.com | alice@exämple.com",
            "@al.ice-b_c@example.com | al.ice-b_c@example.com",
            "@alice_ | alice_",
            "@alice- | alice",
            "cc:@alice | alice",
        })
        void findsTheMention(String text, String acct) {
            assertThat(mentions(text)).containsExactly(acct);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "alice@example.com",
            "mail alice@example.com now",
            "https://example.com/@alice",
            "https://example.com/users?name=@alice",
            "x=@alice",
            "path/@alice",
            "@noël",
            "@alice@example.com@more",
            "@alice://",
            "@ alice",
            "@.alice",
            "é@alice",
        })
        void findsNoMention(String text) {
            assertThat(mentions(text)).isEmpty();
        }

        @Test
        void findsAMentionAtTheStartOfALine() {
            assertThat(mentions("hello\n@alice")).containsExactly("alice");
        }

        @Test
        void ignoresAMentionOfAnOverlongDomain() {
            assertThat(mentions("@alice@" + "a".repeat(250) + ".com")).isEmpty();
            assertThat(mentions("@alice@" + "a".repeat(240) + ".com")).hasSize(1);
        }

        @Test
        void aMentionInsideAUrlIsPartOfTheUrl() {
            Extracted extracted = StatusText.extract("https://example.com/x-@alice");
            assertThat(extracted.urls()).hasSize(1);
            assertThat(extracted.mentions()).isEmpty();
        }
    }

    @Nested
    class Hashtags {
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "#hashtag | hashtag",
            "#hashtag. | hashtag",
            "#hashtag, | hashtag",
            "#hashtag! | hashtag",
            "I like #Java! | Java",
            "#hashtagタグ | hashtagタグ",
            "#café | café",
            "#中文 | 中文",
            "#日本語のタグ | 日本語のタグ",
            "#тест | тест",
            "#สวัสดี | สวัสดี",
            "#a·b | a·b",
            "#l·lengua | l·lengua",
            "#tag· | tag",
            "#ナックル・ボール | ナックル・ボール",
            "#1_2 | 1_2",
            "#2024election | 2024election",
            "#_underscore_ | _underscore_",
            "＃fullwidth | fullwidth",
            "a\u00A0#nbsp | nbsp",
        })
        void findsTheHashtag(String text, String name) {
            assertThat(hashtags(text)).containsExactly(name);
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "#123",
            "#",
            "# tag",
            "foo#bar",
            "C#",
            "(#tag)",
            "https://example.com/#anchor",
            "https://en.wikipedia.org/wiki/Google_LLC_v._Oracle_America,_Inc.#Decision",
            "#·",
        })
        void findsNoHashtag(String text) {
            assertThat(hashtags(text)).isEmpty();
        }

        @Test
        void findsAHashtagAtTheStartOfALine() {
            assertThat(hashtags("first line\n#second")).containsExactly("second");
        }

        @Test
        void reportsTheSpanIncludingTheSign() {
            TextEntity.Hashtag tag = StatusText.extract("a #b c").hashtags().getFirst();
            assertThat(tag).isEqualTo(new TextEntity.Hashtag("b", 2, 4));
        }

        @Test
        void aHashtagFollowedByASchemeLosesTheScheme() {
            Extracted extracted = StatusText.extract("#foohttps://example.com");
            assertThat(extracted.hashtags()).containsExactly(new TextEntity.Hashtag("foo", 0, 4));
            assertThat(hashtags("#foohttp://example.com")).containsExactly("foo");
            // What is left must still be a valid name (Mastodon would keep "1" and fail to save the tag).
            assertThat(hashtags("#1https://example.com")).isEmpty();
        }

        @Test
        void matchesInLinearTime() {
            // The regex form of HASHTAG_RE backtracks quadratically on this in java.util.regex (minutes).
            String text = "#_" + "·".repeat(200_000) + " #_" + "1".repeat(200_000) + "_";
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> StatusText.extract(text));
            assertThat(hashtags("#_" + "·".repeat(10) + "a")).containsExactly("_" + "·".repeat(10) + "a");
        }
    }

    @Test
    void returnsEntitiesInOrderWithoutOverlaps() {
        Extracted extracted = StatusText.extract("@alice see https://example.com/@bob #tag @carol@example.org");
        assertThat(extracted.entities()).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Mention", "Url", "Hashtag", "Mention");
        assertThat(extracted.mentions()).extracting(TextEntity.Mention::acct)
                .containsExactly("alice", "carol@example.org");
    }

    @Test
    void extractsNothingFromNothing() {
        assertThat(StatusText.extract(null).entities()).isEmpty();
        assertThat(StatusText.extract("").entities()).isEmpty();
        assertThat(StatusText.extract("just words").entities()).isEmpty();
    }

    @Nested
    class Length {
        @Test
        void countsPlainCharacters() {
            assertThat(StatusText.countCharacters("hello")).isEqualTo(5);
            assertThat(StatusText.countCharacters("a".repeat(500))).isEqualTo(500);
        }

        @Test
        void countsBlankTextAsNothing() {
            assertThat(StatusText.countCharacters(null)).isZero();
            assertThat(StatusText.countCharacters("")).isZero();
            assertThat(StatusText.countCharacters(" \n\u3000")).isZero();
        }

        @Test
        void countsEveryUrlAs23Characters() {
            // Mastodon's status_length_validator_spec: 476 + 1 + 23 = 500 fits.
            String text = "a".repeat(476) + " http://" + "b".repeat(30) + ".com/example";
            assertThat(StatusText.countCharacters(text)).isEqualTo(500);
            assertThat(StatusText.countCharacters("https://example.com")).isEqualTo(23);
            assertThat(StatusText.countCharacters("https://example.com/" + "x".repeat(300) + ".")).isEqualTo(24);
        }

        @Test
        void countsOnlyTheUsernameOfARemoteMention() {
            // Mastodon's spec: 475 + 1 + "@alice".length fits.
            String text = "a".repeat(475) + " @alice@" + "b".repeat(30) + ".com";
            assertThat(StatusText.countCharacters(text)).isEqualTo(482);
            assertThat(StatusText.countCharacters("@alice@example.com")).isEqualTo(6);
            assertThat(StatusText.countCharacters("@alice")).isEqualTo(6);
            assertThat(StatusText.countCharacters("alice@example.com")).isEqualTo(17);
        }

        @Test
        void countsHashtagsAsTyped() {
            assertThat(StatusText.countCharacters("#hashtag")).isEqualTo(8);
        }

        @Test
        void countsGraphemeClusters() {
            assertThat(StatusText.countCharacters("👨‍👩‍👧‍👦")).isEqualTo(1);
            assertThat(StatusText.countCharacters("🇫🇷🇩🇪")).isEqualTo(2);
            assertThat(StatusText.countCharacters("👍🏽")).isEqualTo(1);
            assertThat(StatusText.countCharacters("e\u0301")).isEqualTo(1);
            assertThat(StatusText.countCharacters("a😀b")).isEqualTo(3);
            assertThat(StatusText.countCharacters("한국어")).isEqualTo(3);
            assertThat(StatusText.countCharacters("\r\n")).isZero();
            assertThat(StatusText.countCharacters("a\r\nb")).isEqualTo(3);
        }

        @Test
        void countsTheContentWarningWithTheText() {
            assertThat(StatusText.countCharacters("b".repeat(251), "a".repeat(250))).isEqualTo(501);
            assertThat(StatusText.countCharacters("https://example.com/long", "cw")).isEqualTo(25);
            assertThat(StatusText.countCharacters("", "a".repeat(520))).isEqualTo(520);
            assertThat(StatusText.countCharacters("text", null)).isEqualTo(4);
        }
    }
}
