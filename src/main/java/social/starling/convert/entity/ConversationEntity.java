package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Mastodon's Conversation (entities/Conversation.md); {@code last_status} is nullable. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ConversationEntity(String id, boolean unread, List<AccountEntity> accounts, StatusEntity lastStatus) {
}
