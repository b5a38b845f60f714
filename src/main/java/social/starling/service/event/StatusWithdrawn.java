package social.starling.service.event;

import java.util.List;

/**
 * An edited status left these local accounts' home feeds, the feed rules no longer admitting it (a follow's
 * languages against its new language): their user streams are told to drop it with a {@code delete}, as Mastodon's
 * unpush of an update does. Published by the {@code status.edited} job.
 */
public record StatusWithdrawn(long statusId, List<Long> accountIds) implements Event {
    public StatusWithdrawn {
        accountIds = accountIds == null ? List.of() : List.copyOf(accountIds);
    }
}
