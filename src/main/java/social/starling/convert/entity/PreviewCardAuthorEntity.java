package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Mastodon's PreviewCardAuthor (entities/PreviewCardAuthor.md), 4.3.0; {@code account} is nullable. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PreviewCardAuthorEntity(String name, String url, AccountEntity account) {
}
