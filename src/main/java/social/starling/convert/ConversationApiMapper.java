package social.starling.convert;

import java.util.List;
import social.starling.convert.entity.ConversationEntity;
import social.starling.model.view.ConversationView;

/** A direct-message thread → Mastodon's Conversation. */
public final class ConversationApiMapper {
    private final AccountApiMapper accounts;
    private final StatusApiMapper statuses;

    public ConversationApiMapper(AccountApiMapper accounts, StatusApiMapper statuses) {
        this.accounts = accounts;
        this.statuses = statuses;
    }

    public List<ConversationEntity> toApi(List<ConversationView> views) {
        return views.stream().map(this::toApi).toList();
    }

    public ConversationEntity toApi(ConversationView v) {
        return new ConversationEntity(Long.toString(v.id()), v.unread(),
                v.accounts().stream().map(accounts::toApi).toList(),
                v.lastStatus() == null ? null : statuses.toApi(v.lastStatus()));
    }
}
