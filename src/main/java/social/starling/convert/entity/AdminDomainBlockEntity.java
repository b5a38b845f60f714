package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** Mastodon's Admin::DomainBlock (REST::Admin::DomainBlockSerializer, with the digest Mastodon 4.3 added). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AdminDomainBlockEntity(
        String id,
        String domain,
        String digest,
        Instant createdAt,
        String severity,
        boolean rejectMedia,
        boolean rejectReports,
        String privateComment,
        String publicComment,
        boolean obfuscate) {
}
