package social.starling.model;

import java.time.Instant;
import java.util.List;

/**
 * A report to this server's moderators (Mastodon's Report): who filed it (a local member, or another server's
 * actor for a Flag), about whom, which of their statuses, why ({@code category}: spam, legal, violation, other; the
 * rules for a violation), and whether it was forwarded to the target's server. In the moderators' queue: the
 * moderator who took it on ({@code assignedAccountId}), who resolved it and when ({@code actionTakenByAccountId},
 * {@code actionTakenAt}; both null while open), and when it last changed.
 */
public record Report(long id, long accountId, long targetAccountId, List<Long> statusIds, String comment,
                     String category, List<Long> ruleIds, boolean forwarded, Instant actionTakenAt,
                     Instant createdAt, Long assignedAccountId, Long actionTakenByAccountId, Instant updatedAt) {
    public static final List<String> CATEGORIES = List.of("spam", "legal", "violation", "other");

    /** A new, open report. */
    public Report(long id, long accountId, long targetAccountId, List<Long> statusIds, String comment,
                  String category, List<Long> ruleIds, boolean forwarded, Instant actionTakenAt, Instant createdAt) {
        this(id, accountId, targetAccountId, statusIds, comment, category, ruleIds, forwarded, actionTakenAt,
                createdAt, null, null, createdAt);
    }

    public boolean resolved() {
        return actionTakenAt != null;
    }
}
