package social.starling.model.oauth;

import java.time.Instant;
import java.util.Set;

/**
 * An application an account has authorised and that still holds live tokens for it: the app, the scopes of those
 * tokens together, and when the first of them was issued (Mastodon's "Authorized apps" settings page).
 */
public record AuthorizedApplication(long id, String name, String website, Set<String> scopes, Instant authorizedAt) {
}
