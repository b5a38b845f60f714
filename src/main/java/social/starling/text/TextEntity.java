package social.starling.text;

/**
 * Something found in a status's plain text: a link, a mention or a hashtag, with its place in the text.
 *
 * <p>{@code start} is inclusive and {@code end} exclusive, both UTF-16 indices into the Java {@code String}
 * that was parsed (so {@code text.substring(start, end)} is what the author typed). Mastodon reports the same
 * spans in code points; convert with {@link String#codePointCount} if an index must be compared with Mastodon's.
 */
public sealed interface TextEntity permits TextEntity.Url, TextEntity.Mention, TextEntity.Hashtag {
    int start();

    int end();

    /** A link as typed, e.g. {@code https://example.com/a_(b)}; trailing punctuation is not part of it. */
    record Url(String url, int start, int end) implements TextEntity {
    }

    /**
     * {@code @username} ({@code domain} null) or {@code @username@domain}, spelled as typed. The span covers the
     * leading {@code @}.
     */
    record Mention(String username, String domain, int start, int end) implements TextEntity {
        /** {@code username} or {@code username@domain}, as typed: Mastodon's "screen name" of the mention. */
        public String acct() {
            return domain == null ? username : username + "@" + domain;
        }
    }

    /**
     * {@code #name} (or the full-width {@code ＃name}); {@code name} is without the sign and keeps the author's
     * spelling. The span covers the sign.
     */
    record Hashtag(String name, int start, int end) implements TextEntity {
    }
}
