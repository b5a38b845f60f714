package social.starling.model;

import java.time.Instant;

/** A domain allowed to federate in limited federation mode (Mastodon's DomainAllow). */
public record DomainAllow(long id, String domain, Instant createdAt) {
}
