package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Mastodon's Application (entities/Application.md), and CredentialApplication when the three client_* attributes
 * are set (POST /api/v1/apps only; they are left out otherwise). {@code website} is optional and nullable;
 * {@code scopes} and {@code redirect_uris} were added in 4.3.0; {@code redirect_uri} (newline-separated) and
 * {@code vapid_key} are deprecated since 4.3.0.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApplicationEntity(
        String id,
        String name,
        @JsonInclude(JsonInclude.Include.NON_NULL) String website,
        List<String> scopes,
        List<String> redirectUris,
        String redirectUri,
        String vapidKey,
        @JsonInclude(JsonInclude.Include.NON_NULL) String clientId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String clientSecret,
        /* 4.3.0; always 0 (documented as String, Mastodon writes the number 0) */
        @JsonInclude(JsonInclude.Include.NON_NULL) Long clientSecretExpiresAt) {

    /** The same application as a CredentialApplication, with its client credentials. */
    public ApplicationEntity withCredentials(String clientId, String clientSecret) {
        return new ApplicationEntity(id, name, website, scopes, redirectUris, redirectUri, vapidKey, clientId,
                clientSecret, 0L);
    }
}
