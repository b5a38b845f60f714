package social.starling.convert;

import java.util.List;
import social.starling.convert.entity.NotificationRequestEntity;
import social.starling.model.view.NotificationRequestView;

/** NotificationRequestView → Mastodon's NotificationRequest. */
public final class NotificationRequestApiMapper {
    private final AccountApiMapper accounts;
    private final StatusApiMapper statuses;

    public NotificationRequestApiMapper(AccountApiMapper accounts, StatusApiMapper statuses) {
        this.accounts = accounts;
        this.statuses = statuses;
    }

    public List<NotificationRequestEntity> toApi(List<NotificationRequestView> views) {
        return views.stream().map(this::toApi).toList();
    }

    public NotificationRequestEntity toApi(NotificationRequestView v) {
        var r = v.request();
        return new NotificationRequestEntity(Long.toString(r.id()), r.createdAt(), r.updatedAt(),
                Integer.toString(r.notificationsCount()), accounts.toApi(v.from()),
                v.lastStatus() == null ? null : statuses.toApi(v.lastStatus()));
    }
}
