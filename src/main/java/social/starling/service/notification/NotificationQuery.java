package social.starling.service.notification;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import social.starling.model.NotificationType;

/**
 * What a notification list asks for, as Mastodon's {@code Notification.browserable}: {@code types[]} (unknown
 * names match nothing; none given means every type) minus {@code exclude_types[]}, optionally one sender
 * ({@code account_id}), and whether notifications a policy filtered are included ({@code include_filtered}).
 *
 * @param types the types to show; null for all
 */
public record NotificationQuery(Set<NotificationType> types, Long fromAccountId, boolean includeFiltered) {
    public static final NotificationQuery ALL = new NotificationQuery(null, null, false);

    public NotificationQuery withFiltered(boolean include) {
        return new NotificationQuery(types, fromAccountId, include);
    }

    /**
     * @param fromAccountId the sender, or null; a value that is not an id (Mastodon casts it and finds nobody) is
     *                      passed as 0, which matches no account
     */
    public static NotificationQuery of(List<String> types, List<String> excludeTypes, Long fromAccountId) {
        Set<NotificationType> wanted = EnumSet.allOf(NotificationType.class);
        if (!types.isEmpty()) {
            wanted = parse(types);
        }
        wanted.removeAll(parse(excludeTypes));
        return new NotificationQuery(wanted.size() == NotificationType.values().length ? null : wanted,
                fromAccountId, false);
    }

    /** Known type names among {@code names}; Mastodon's other types (severed_relationships, ...) never occur here. */
    public static Set<NotificationType> parse(Collection<String> names) {
        Set<NotificationType> out = EnumSet.noneOf(NotificationType.class);
        names.forEach(n -> NotificationType.parse(n.trim()).ifPresent(out::add));
        return out;
    }
}
