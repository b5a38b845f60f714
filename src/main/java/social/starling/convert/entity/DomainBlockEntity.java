package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
/**
 * Mastodon's DomainBlock, as {@code GET /api/v1/instance/domain_blocks} shows it: the domain (with letters replaced
 * by {@code *} when the block is obfuscated), the SHA-256 hex digest of the real domain, the severity and the public
 * comment.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DomainBlockEntity(String domain, String digest, String severity, String comment) {
}
