package social.starling.model.oauth;

import java.time.Instant;
import java.util.Set;

/** An authorization code, before it is exchanged for a token. */
public record AccessGrant(long id, long applicationId, long accountId, String redirectUri, Set<String> scopes,
                          String codeChallenge, String codeChallengeMethod, Instant expiresAt, Instant usedAt) {
}
