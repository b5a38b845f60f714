package social.starling.errors;

/**
 * An OAuth 2 error from the token, revoke and authorize endpoints. These use RFC 6749's body
 * ({@code {"error": "invalid_grant", "error_description": "..."}}) rather than Mastodon's API body.
 */
public final class OAuthException extends RuntimeException {
    private final String error;
    private final int status;

    public OAuthException(String error, String description, int status) {
        super(description, null, false, false);
        this.error = error;
        this.status = status;
    }

    public static OAuthException invalidClient() {
        return new OAuthException("invalid_client", "Client authentication failed due to unknown client, no client "
                + "authentication included, or unsupported authentication method.", 401);
    }

    public static OAuthException invalidGrant() {
        return new OAuthException("invalid_grant", "The provided authorization grant is invalid, expired, revoked, "
                + "does not match the redirection URI used in the authorization request, or was issued to another "
                + "client.", 400);
    }

    public static OAuthException invalidScope() {
        return new OAuthException("invalid_scope", "The requested scope is invalid, unknown, or malformed.", 400);
    }

    public static OAuthException invalidRequest(String description) {
        return new OAuthException("invalid_request", description, 400);
    }

    public static OAuthException unsupportedGrantType() {
        return new OAuthException("unsupported_grant_type",
                "The authorization grant type is not supported by the authorization server.", 400);
    }

    public String error() {
        return error;
    }

    public int status() {
        return status;
    }
}
