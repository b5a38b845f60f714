package social.starling.model;

/**
 * The URIs this server gives its own objects, Mastodon's layout so that links people know keep working:
 * actors at {@code /users/<name>}, profiles at {@code /@<name>}, statuses at {@code /users/<name>/statuses/<id>}.
 */
public record LocalUris(String baseUrl, String mediaBaseUrl) {
    /** Media served by this server under {@code /system/} (Mastodon's path for uploads). */
    public LocalUris(String baseUrl) {
        this(baseUrl, baseUrl + "/system");
    }

    public String actor(String username) {
        return baseUrl + "/users/" + username;
    }

    public String profile(String username) {
        return baseUrl + "/@" + username;
    }

    public String inbox(String username) {
        return actor(username) + "/inbox";
    }

    public String outbox(String username) {
        return actor(username) + "/outbox";
    }

    public String followers(String username) {
        return actor(username) + "/followers";
    }

    public String following(String username) {
        return actor(username) + "/following";
    }

    public String featured(String username) {
        return actor(username) + "/collections/featured";
    }

    public String sharedInbox() {
        return baseUrl + "/inbox";
    }

    public String keyId(String username) {
        return actor(username) + "#main-key";
    }

    /** The id of a Follow activity sent by a local member (a follow request or follow row's id). */
    public String follow(long followId) {
        return baseUrl + "/follows/" + followId;
    }

    /** The id of a Block activity sent by a local member. */
    public String block(long blockId) {
        return baseUrl + "/blocks/" + blockId;
    }

    /** The QuoteAuthorization a local author gives quote {@code quoteId} (Mastodon's approval_uri_for). */
    public String quoteAuthorization(String username, long quoteId) {
        return actor(username) + "/quote_authorizations/" + quoteId;
    }

    /** Where the public reads stored media {@code path} (a media key): {@code /system/} here, or object storage. */
    public String media(String path) {
        return mediaBaseUrl + "/" + path;
    }
}
