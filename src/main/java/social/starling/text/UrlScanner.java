package social.starling.text;

import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds links in plain text the way Mastodon does: twitter-text's URL grammar with Mastodon's overrides
 * (config/initializers/twitter_regex.rb), called with {@code extract_url_without_protocol: false}, so a link
 * needs its scheme.
 *
 * <ul>
 *   <li>scheme {@code http}, {@code https}, {@code dat}, {@code dweb}, {@code ipfs}, {@code ipns}, {@code ssb},
 *       {@code gopher} or {@code gemini}, then {@code ://}, not preceded by a letter, digit, {@code @ $ #} or
 *       their full-width forms (twitter-text {@code valid_url_preceding_chars});</li>
 *   <li>a domain of dot-separated labels ending in a top-level domain; IDN labels are allowed;</li>
 *   <li>an optional port, path and query. The path runs over anything but white space, {@code < > ( ) ?}, with
 *       balanced parentheses (one nesting level) allowed, and ends on a character other than
 *       {@code ! * " ' 「 」 ; : = , . $ % [ ] ~ & | @}: so {@code https://x.org/a.} stops before the dot and
 *       {@code (https://x.org/)} before the parenthesis, while {@code https://x.org/Foo_(bar)} keeps it;</li>
 *   <li>the link is dropped when its domain fails IDNA or it is longer than 4096 characters.</li>
 * </ul>
 *
 * <p>Deliberate difference: twitter-text accepts only top-level domains from its bundled list; here any label of
 * two or more ASCII letters, an {@code xn--} label or a run of non-ASCII letters counts. So
 * {@code https://host.invalidtld} is a link here and plain text on Mastodon. {@code xmpp:} and {@code magnet:}
 * URIs, which Mastodon also links, are not recognised.
 *
 * <p>The path and query are scanned by hand rather than with nested regex repetitions: java.util.regex recurses per
 * repetition and a hostile run of {@code (a)(a)(a)…} would overflow the stack.
 */
final class UrlScanner {
    static final int MAX_URL_LENGTH = 4096;

    private static final Pattern SCHEME = Pattern.compile(
            "(?<![A-Za-z0-9@＠$#＃\\uFFFE\\uFEFF\\uFFFF\\u202A-\\u202E])"
                    + "(?i:https?|dat|dweb|ipfs|ipns|ssb|gopher|gemini)://");

    private UrlScanner() {
    }

    static List<TextEntity.Url> scan(String text) {
        List<TextEntity.Url> urls = new ArrayList<>();
        if (text == null || text.indexOf(':') < 0) {
            return urls;
        }
        Matcher m = SCHEME.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            int start = m.start();
            int domainStart = m.end();
            int domainEnd = domainEnd(text, domainStart);
            if (domainEnd < 0) {
                from = start + 1;
                continue;
            }
            int end = afterPathAndQuery(text, afterPort(text, domainEnd));
            if (acceptable(text, start, end, text.substring(domainStart, domainEnd))) {
                urls.add(new TextEntity.Url(text.substring(start, end), start, end));
            }
            from = end;
        }
        return urls;
    }

    /** twitter-text {@code is_valid_domain}: the domain must survive IDNA and the link must stay under 4096. */
    private static boolean acceptable(String text, int start, int end, String domain) {
        String ascii;
        try {
            ascii = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int length = text.codePointCount(start, end) + Math.max(0, ascii.length() - domain.length());
        return length <= MAX_URL_LENGTH;
    }

    // ---- domain -------------------------------------------------------------------------------------------------

    /**
     * End of the domain starting at {@code p}, or -1. The grammar is twitter-text's
     * {@code valid_subdomain* valid_domain_name (gTLD|ccTLD|punycode)}: labels start and end with a "domain char"
     * (anything but ASCII punctuation, controls and white space), may hold {@code -} inside (and {@code _} in all
     * but the last label before the TLD), and are each followed by a dot. Like the regex, the longest run of labels
     * that is followed by a top-level domain wins.
     */
    private static int domainEnd(String text, int p) {
        List<int[]> labels = new ArrayList<>();
        int i = p;
        while (i < text.length()) {
            int labelEnd = labelRunEnd(text, i);
            if (labelEnd == i || labelEnd >= text.length() || text.charAt(labelEnd) != '.') {
                break;
            }
            labels.add(new int[] {i, labelEnd});
            i = labelEnd + 1;
        }
        int subdomains = 0;
        while (subdomains < labels.size() && validLabel(text, labels.get(subdomains), true)) {
            subdomains++;
        }
        for (int k = Math.min(subdomains, labels.size() - 1); k >= 0; k--) {
            int[] name = labels.get(k);
            if (!validLabel(text, name, false)) {
                continue;
            }
            int tldEnd = tldEnd(text, name[1] + 1);
            if (tldEnd >= 0) {
                return tldEnd;
            }
        }
        return -1;
    }

    private static int labelRunEnd(String text, int i) {
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!isDomainChar(cp) && cp != '-' && cp != '_') {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    private static boolean validLabel(String text, int[] label, boolean underscoreAllowed) {
        int first = text.codePointAt(label[0]);
        int last = text.codePointBefore(label[1]);
        if (!isDomainChar(first) || !isDomainChar(last)) {
            return false;
        }
        return underscoreAllowed || text.substring(label[0], label[1]).indexOf('_') < 0;
    }

    /** A top-level domain at {@code q}: {@code xn--…}, 2–63 ASCII letters, or non-ASCII letters; -1 if none. */
    private static int tldEnd(String text, int q) {
        if (text.regionMatches(true, q, "xn--", 0, 4)) {
            int i = q + 4;
            while (i < text.length() && isAsciiAlnum(text.charAt(i))) {
                i++;
            }
            if (i > q + 4) {
                return i;
            }
        }
        int i = q;
        while (i < text.length() && isAsciiLetter(text.charAt(i))) {
            i++;
        }
        if (i > q) {
            int length = i - q;
            return length >= 2 && length <= 63 && tldMayEndBefore(text, i) ? i : -1;
        }
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (cp < 0x80 || !(Character.isLetter(cp) || isMark(cp))) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i > q && tldMayEndBefore(text, i) ? i : -1;
    }

    /** twitter-text: a TLD must be followed by {@code [^0-9a-z@]} or the end. */
    private static boolean tldMayEndBefore(String text, int i) {
        if (i >= text.length()) {
            return true;
        }
        char c = text.charAt(i);
        return !(isAsciiAlnum(c) || c == '@');
    }

    private static int afterPort(String text, int i) {
        if (i + 1 < text.length() && text.charAt(i) == ':' && isAsciiDigit(text.charAt(i + 1))) {
            i += 2;
            while (i < text.length() && isAsciiDigit(text.charAt(i))) {
                i++;
            }
        }
        return i;
    }

    // ---- path and query -----------------------------------------------------------------------------------------

    private static int afterPathAndQuery(String text, int i) {
        if (i < text.length() && text.charAt(i) == '/') {
            i = pathEnd(text, i + 1);
        }
        if (i < text.length() && text.charAt(i) == '?') {
            i = queryEnd(text, i);
        }
        return i;
    }

    /**
     * Mastodon's {@code (/valid_url_path*)?}: after the slash, a run of path characters and balanced parenthesis
     * groups, cut back to the last character (or group) that may end a path. Equivalent to the greedy regex.
     */
    private static int pathEnd(String text, int i) {
        int lastEnd = i;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (cp == '(') {
                int group = balancedParensEnd(text, i);
                if (group < 0) {
                    break;
                }
                i = group;
                lastEnd = i;
                continue;
            }
            if (!isPathChar(cp)) {
                break;
            }
            i += Character.charCount(cp);
            if (isPathEndingChar(cp)) {
                lastEnd = i;
            }
        }
        return lastEnd;
    }

    /** {@code \( (G+ | G* \( G+ \) G*) \)} with G a path character (which excludes parentheses); -1 if none. */
    private static int balancedParensEnd(String text, int open) {
        int i = pathCharsEnd(text, open + 1);
        if (i < text.length() && text.charAt(i) == ')' && i > open + 1) {
            return i + 1;
        }
        if (i < text.length() && text.charAt(i) == '(') {
            int innerStart = i + 1;
            int innerEnd = pathCharsEnd(text, innerStart);
            if (innerEnd > innerStart && innerEnd < text.length() && text.charAt(innerEnd) == ')') {
                int after = pathCharsEnd(text, innerEnd + 1);
                if (after < text.length() && text.charAt(after) == ')') {
                    return after + 1;
                }
            }
        }
        return -1;
    }

    private static int pathCharsEnd(String text, int i) {
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!isPathChar(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    /** {@code \?valid_url_query_chars*valid_url_query_ending_chars}; returns {@code q} itself when there is none. */
    private static int queryEnd(String text, int q) {
        int i = q + 1;
        int lastEnd = q;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!isQueryChar(cp)) {
                break;
            }
            i += Character.charCount(cp);
            if (isQueryEndingChar(cp)) {
                lastEnd = i;
            }
        }
        return lastEnd;
    }

    // ---- character classes --------------------------------------------------------------------------------------

    /** Mastodon {@code valid_general_url_path_chars}: {@code [^\p{White_Space}<>()?]}. */
    private static boolean isPathChar(int cp) {
        return !isWhiteSpace(cp) && cp != '<' && cp != '>' && cp != '(' && cp != ')' && cp != '?';
    }

    /** Mastodon {@code valid_url_path_ending_chars} (without the parenthesis group, handled by the caller). */
    private static boolean isPathEndingChar(int cp) {
        return isPathChar(cp) && "!*\"'「」;:=,.$%[]~&|@".indexOf(cp) < 0;
    }

    private static boolean isQueryChar(int cp) {
        return isAsciiAlnum(cp) || "!?*'();:&=+$/%#[]-_.,~|@^".indexOf(cp) >= 0 || isUchar(cp);
    }

    private static boolean isQueryEndingChar(int cp) {
        return isAsciiAlnum(cp) || "_&=#/-".indexOf(cp) >= 0 || isUchar(cp);
    }

    /** Mastodon's {@code UCHARS} (RFC 3987 ucschar plus private use), allowed in queries. */
    private static boolean isUchar(int cp) {
        if (cp < 0x10000) {
            return (cp >= 0xA0 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFDCF) || (cp >= 0xFDF0 && cp <= 0xFFEF);
        }
        return (cp & 0xFFFF) <= 0xFFFD && !(cp >= 0xE0000 && cp < 0xE1000);
    }

    /** twitter-text {@code DOMAIN_VALID_CHARS}: not ASCII punctuation, control, white space or a bidi control. */
    static boolean isDomainChar(int cp) {
        if (cp < 0x80) {
            return cp > 0x20 && cp != 0x7F && !isAsciiPunctuation(cp);
        }
        return !isWhiteSpace(cp) && cp != 0xFFFE && cp != 0xFEFF && cp != 0xFFFF && !(cp >= 0x202A && cp <= 0x202E);
    }

    /** The Unicode White_Space property (Ruby's {@code \p{White_Space}} and {@code [[:space:]]}). */
    static boolean isWhiteSpace(int cp) {
        return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680
                || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F
                || cp == 0x3000;
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean isAsciiPunctuation(int cp) {
        return (cp >= '!' && cp <= '/') || (cp >= ':' && cp <= '@') || (cp >= '[' && cp <= '`')
                || (cp >= '{' && cp <= '~');
    }

    private static boolean isAsciiLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiAlnum(int c) {
        return isAsciiLetter(c) || isAsciiDigit(c);
    }
}
