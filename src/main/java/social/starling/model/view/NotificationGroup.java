package social.starling.model.view;

import java.time.Instant;
import java.util.List;
import social.starling.model.NotificationType;

/**
 * One notification group; {@code page} is null outside a paged list; {@code status} null for non-status types;
 * {@code report} set for {@code admin.report} only.
 */
public record NotificationGroup(String groupKey, NotificationType type, int count, long mostRecentId, PageData page,
                                List<Long> sampleAccountIds, StatusView status, ReportView report,
                                WarningView warning) {

    /** Set for groups of a page: the oldest and newest notification of the group in it, and the newest's time. */
    public record PageData(long minId, long maxId, Instant latestAt) {
    }
}
