package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** Mastodon's Admin::DomainAllow. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AdminDomainAllowEntity(String id, String domain, Instant createdAt) {
}
