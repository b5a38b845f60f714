package social.starling.model.oauth;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A registered client app. {@code redirectUris} may include {@code urn:ietf:wg:oauth:2.0:oob}. */
public record OAuthApplication(long id, String name, String website, List<String> redirectUris, Set<String> scopes,
                               String clientId, String clientSecret, Instant createdAt) {
    public static final String OOB = "urn:ietf:wg:oauth:2.0:oob";
}
