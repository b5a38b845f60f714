package social.starling.model.oauth;

import java.time.Instant;
import java.util.Set;

/**
 * An access token as stored: its id, the app it was issued to (null only for tokens the web UI made for itself),
 * the account it acts for (null for app-only client_credentials tokens) and its scopes.
 */
public record AccessToken(long id, Long applicationId, Long accountId, Set<String> scopes, Instant createdAt,
                          Instant revokedAt) {
    public boolean revoked() {
        return revokedAt != null;
    }
}
