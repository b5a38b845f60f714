package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Mastodon's ShallowQuote (entities/ShallowQuote.md), 4.4.0; {@code quoted_status_id} is nullable. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ShallowQuoteEntity(String state, String quotedStatusId) implements StatusEntity.AnyQuote {
}
