package social.starling.model;

import java.time.Instant;

/** Sign-ups with an e-mail address at {@code domain} or any of its subdomains are refused (Mastodon's EmailDomainBlock). */
public record EmailDomainBlock(long id, String domain, Instant createdAt) {
}
