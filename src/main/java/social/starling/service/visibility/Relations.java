package social.starling.service.visibility;

import java.util.Map;
import java.util.Set;

/**
 * One viewer's blocks, mutes and domain blocks, enough to filter statuses and notifications without a query per
 * item. {@code muted} maps each muted account to whether notifications from it are hidden too.
 */
public record Relations(long viewerId, Set<Long> blocking, Set<Long> blockedBy, Map<Long, Boolean> muted,
                        Set<String> blockedDomains) {

    public static Relations none(long viewerId) {
        return new Relations(viewerId, Set.of(), Set.of(), Map.of(), Set.of());
    }

    /** Either blocks the other. */
    public boolean blockedEitherWay(long accountId) {
        return blocking.contains(accountId) || blockedBy.contains(accountId);
    }

    public boolean mutes(long accountId) {
        return muted.containsKey(accountId);
    }

    public boolean mutesNotificationsFrom(long accountId) {
        return Boolean.TRUE.equals(muted.get(accountId));
    }

    public boolean blocksDomain(String domain) {
        return domain != null && blockedDomains.contains(domain);
    }
}
