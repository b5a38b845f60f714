package social.starling.text;

import java.nio.charset.StandardCharsets;

/** Escaping helpers shared by the formatters. */
final class Html {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Html() {
    }

    /**
     * Ruby's {@code ERB::Util.html_escape} (Mastodon's {@code h}): {@code & < > " '} become {@code &amp; &lt; &gt;
     * &quot; &#39;}. Safe for text and for double-quoted attribute values.
     */
    static String escape(CharSequence s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? s.toString() : out.toString();
    }

    /**
     * Percent-encodes one URL path segment as Rails' route helpers do ({@code Journey::Router::Utils.escape_segment}):
     * unreserved characters, sub-delimiters, {@code :} and {@code @} stay, every other byte of the UTF-8 form
     * becomes {@code %XX}. So {@code tag_url("café")} ends in {@code /tags/caf%C3%A9}.
     */
    static String escapePathSegment(String segment) {
        StringBuilder out = new StringBuilder(segment.length() + 16);
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=:@".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }
}
