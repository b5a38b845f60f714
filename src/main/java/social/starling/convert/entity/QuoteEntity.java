package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Mastodon's Quote (entities/Quote.md), 4.4.0. {@code state} is one of pending, accepted, rejected, revoked,
 * deleted, unauthorized, and (4.5.0) blocked_account, blocked_domain, muted_account; {@code quoted_status} is
 * nullable (set when accepted or blocked/muted, or on status deletion).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record QuoteEntity(String state, StatusEntity quotedStatus) implements StatusEntity.AnyQuote {
}
