package social.starling.text;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A status's plain text as a Mastodon user types it: what it links, mentions and tags
 * ({@link #extract}) and how long it counts against the character limit ({@link #countCharacters}).
 *
 * <p>Follows Mastodon's {@code Extractor} (app/lib/extractor.rb), {@code Account::MENTION_RE},
 * {@code Tag::HASHTAG_RE} and {@code StatusLengthValidator}. Links: see {@link UrlScanner}.
 */
public final class StatusText {
    /** Mastodon's {@code StatusLengthValidator::URL_PLACEHOLDER_CHARS}: every link counts this many characters. */
    public static final int CHARACTERS_PER_URL = 23;

    /** Mastodon's {@code Extractor::MAX_DOMAIN_LENGTH}: a mention with a longer domain is ignored. */
    static final int MAX_DOMAIN_LENGTH = 253;

    /** Ruby's {@code [[:word:]]} in Unicode mode (UTS #18 word characters; includes {@code _} and ZWJ/ZWNJ). */
    private static final String WORD = "\\p{IsAlphabetic}\\p{M}\\p{Nd}\\p{Pc}\\u200C\\u200D";

    /**
     * {@code Account::MENTION_RE}: {@code (?<![=/[:word:]])@((USERNAME)(?:@[[:word:]]+([.-]+[[:word:]]+)*)?)} with
     * {@code USERNAME = [a-z0-9_]+([.-]+[a-z0-9_]+)*}, case-insensitive. The repetitions are rewritten as
     * "first and last a word character, anything allowed between" (the same strings, matched greedily) so the regex
     * has no nested repetition. A mention must not follow a word character, {@code =} or {@code /}: so no mention
     * inside {@code foo@example.com} or {@code https://host/@user}. Unlike Mastodon, the domain may end in a port
     * ({@code @alice@localhost:8081}): a domain is host and port here, so servers run side by side in development
     * can mention each other's members.
     */
    private static final Pattern MENTION = Pattern.compile(
            "(?<![=/" + WORD + "])@([A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?)"
                    + "(?:@([" + WORD + "](?:[" + WORD + ".-]*[" + WORD + "])?(?::[0-9]{1,5})?))?");

    /**
     * twitter-text {@code end_mention_match}, which Mastodon applies after a mention: a match directly followed by
     * another at sign, a Latin accented letter or {@code ://} is not a mention ({@code @noël} is not {@code @no}).
     */
    private static final Pattern END_MENTION = Pattern.compile(
            "[@＠\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u00FF\\u0100-\\u024F\\u0253\\u0254\\u0256\\u0257\\u0259"
                    + "\\u025B\\u0263\\u0268\\u026F\\u0272\\u0289\\u028B\\u02BB\\u0300-\\u036F\\u1E00-\\u1EFF]|://");

    /**
     * Mastodon's {@code HASHTAG_SEPARATORS}: underscore, middle dot, katakana middle dot, zero-width non-joiner.
     */
    private static final String SEPARATORS = "_\u00B7\u30FB\u200C";

    private static final Pattern TRAILING_SCHEME = Pattern.compile("(.+)(https?)");

    private StatusText() {
    }

    /** The links, mentions and hashtags of {@code text}, in order, overlaps removed. */
    public static Extracted extract(String text) {
        if (text == null || text.isEmpty()) {
            return new Extracted(text == null ? "" : text, List.of());
        }
        List<TextEntity> all = new ArrayList<>(UrlScanner.scan(text));
        all.addAll(hashtags(text));
        all.addAll(mentions(text));
        return new Extracted(text, removeOverlapping(all));
    }

    /**
     * The length Mastodon checks against its 500-character limit ({@code StatusLengthValidator}): grapheme clusters
     * (an emoji with skin tone or a flag counts one) after every link is replaced by 23 characters and every
     * {@code @user@domain} by {@code @user}. Blank text counts 0. Mastodon strips the text before it counts (its
     * {@code Status#prepare_contents}); so should the caller.
     */
    public static int countCharacters(String text) {
        return graphemes(countableText(text));
    }

    /** Mastodon counts the content warning and the text together against one limit. */
    public static int countCharacters(String text, String spoilerText) {
        return graphemes((spoilerText == null ? "" : spoilerText) + countableText(text));
    }

    /** Number of extended grapheme clusters (Ruby's {@code each_grapheme_cluster.size}). */
    public static int graphemes(String s) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        BreakIterator it = BreakIterator.getCharacterInstance(Locale.ROOT);
        it.setText(s);
        int count = 0;
        while (it.next() != BreakIterator.DONE) {
            count++;
        }
        return count;
    }

    /** Ruby's {@code String#blank?}: empty or only white space. */
    static boolean isBlank(String s) {
        if (s == null) {
            return true;
        }
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (!UrlScanner.isWhiteSpace(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    private static String countableText(String text) {
        if (isBlank(text)) {
            return "";
        }
        List<TextEntity> entities = new ArrayList<>(UrlScanner.scan(text));
        entities.addAll(mentions(text));
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        for (TextEntity entity : removeOverlapping(entities)) {
            out.append(text, last, entity.start());
            switch (entity) {
                case TextEntity.Url url -> out.repeat('x', CHARACTERS_PER_URL);
                case TextEntity.Mention mention -> out.append('@').append(mention.username());
                case TextEntity.Hashtag hashtag -> out.append(text, hashtag.start(), hashtag.end());
            }
            last = entity.end();
        }
        return out.append(text, last, text.length()).toString();
    }

    static List<TextEntity.Mention> mentions(String text) {
        List<TextEntity.Mention> found = new ArrayList<>();
        if (text.indexOf('@') < 0) {
            return found;
        }
        Matcher m = MENTION.matcher(text);
        Matcher after = END_MENTION.matcher(text);
        while (m.find()) {
            if (after.region(m.end(), text.length()).lookingAt()) {
                continue;
            }
            String domain = m.group(2);
            if (domain != null && domain.length() > MAX_DOMAIN_LENGTH) {
                continue;
            }
            found.add(new TextEntity.Mention(m.group(1), domain, m.start(), m.end()));
        }
        return found;
    }

    /**
     * Hashtags per {@code Tag::HASHTAG_RE} of current Mastodon (app/models/concerns/tag/naming.rb, 4.6):
     * {@code (?<=^|[[:space:]])[#＃](FIRST|LAST)} with {@code FIRST = W [W SEP]* [ALPHA SEP] [W SEP]* W},
     * {@code LAST = W* ALPHA W*}, W a word character and SEP a {@link #SEPARATORS separator}. So a tag follows the
     * start or white space (Mastodon 4.5 and older accepted any character but {@code / ) \w} before it; 4.6
     * narrowed that so URL anchors stop becoming tags), needs a letter or an inner separator ({@code #123} is no
     * tag, {@code #1_2} is), and does not end on a middle dot. Matched by hand with the regex's greedy result:
     * java.util.regex backtracks quadratically on this pattern ({@code #_} and thousands of {@code ·}).
     */
    static List<TextEntity.Hashtag> hashtags(String text) {
        List<TextEntity.Hashtag> found = new ArrayList<>();
        if (text.indexOf('#') < 0 && text.indexOf('＃') < 0) {
            return found;
        }
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if ((cp == '#' || cp == '＃') && (i == 0 || UrlScanner.isWhiteSpace(text.codePointBefore(i)))) {
                int end = hashtagNameEnd(text, next);
                if (end > next) {
                    String name = text.substring(next, end);
                    // Mastodon: "#foohttps://…" is the tag "foo" followed by a link, not the tag "foohttps".
                    if (text.startsWith("://", end)) {
                        Matcher scheme = TRAILING_SCHEME.matcher(name);
                        if (scheme.matches()) {
                            name = scheme.group(1);
                            end -= scheme.group(2).length();
                        }
                    }
                    // Mastodon keeps a trimmed name even when it is no longer valid ("#1https://"); we drop it.
                    if (hashtagNameEnd(name, 0) == name.length()) {
                        found.add(new TextEntity.Hashtag(name, i, end));
                    }
                    i = end;
                    continue;
                }
            }
            i = next;
        }
        return found;
    }

    /** End of the greedy match of {@code FIRST|LAST} at {@code p}, or {@code p} when neither matches. */
    private static int hashtagNameEnd(String text, int p) {
        if (p >= text.length() || !isWord(text.codePointAt(p))) {
            return p;
        }
        // FIRST: the run of word and separator characters, up to its last word character, with a letter or
        // separator strictly inside.
        int firstInnerAlphaOrSep = -1;
        int lastWordStart = p;
        int lastWordEnd = -1;
        for (int i = p; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean word = isWord(cp);
            if (!word && SEPARATORS.indexOf(cp) < 0) {
                break;
            }
            if (i > p && firstInnerAlphaOrSep < 0 && (Character.isAlphabetic(cp) || SEPARATORS.indexOf(cp) >= 0)) {
                firstInnerAlphaOrSep = i;
            }
            i += Character.charCount(cp);
            if (word) {
                lastWordStart = i - Character.charCount(cp);
                lastWordEnd = i;
            }
        }
        if (firstInnerAlphaOrSep > p && firstInnerAlphaOrSep < lastWordStart) {
            return lastWordEnd;
        }
        // LAST: the run of word characters, if it holds a letter.
        boolean letter = false;
        int i = p;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!isWord(cp)) {
                break;
            }
            letter |= Character.isAlphabetic(cp);
            i += Character.charCount(cp);
        }
        return letter ? i : p;
    }

    /** Ruby's {@code [[:word:]]}; see {@link #WORD}. */
    private static boolean isWord(int cp) {
        if (Character.isAlphabetic(cp) || cp == 0x200C || cp == 0x200D) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK || type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.CONNECTOR_PUNCTUATION;
    }

    /** twitter-text {@code remove_overlapping_entities}: sort by start, drop any that overlaps the one before. */
    static List<TextEntity> removeOverlapping(List<? extends TextEntity> entities) {
        List<TextEntity> sorted = new ArrayList<>(entities);
        sorted.sort(Comparator.comparingInt(TextEntity::start));
        List<TextEntity> kept = new ArrayList<>(sorted.size());
        for (TextEntity entity : sorted) {
            if (kept.isEmpty() || kept.getLast().end() <= entity.start()) {
                kept.add(entity);
            }
        }
        return kept;
    }
}
