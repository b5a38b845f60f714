package social.starling.text;

/**
 * An account a mention points at, as much as the formatter needs to link it.
 *
 * @param username the account's username, in its own spelling (the link shows this, not what the author typed)
 * @param domain   null for a local account, else its domain in display (Unicode) form
 * @param url      the profile page the mention links to (Mastodon: {@code ActivityPub::TagManager#url_for}, the
 *                 actor's {@code url}, falling back to its {@code id})
 */
public record MentionedAccount(String username, String domain, String url) {
    /** Mastodon's {@code pretty_acct}: {@code username} for a local account, {@code username@domain} otherwise. */
    public String prettyAcct() {
        return domain == null ? username : username + "@" + domain;
    }
}
