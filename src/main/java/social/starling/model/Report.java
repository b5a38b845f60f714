package social.starling.model;

import java.time.Instant;
import java.util.List;

/**
 * A report to this server's moderators (Mastodon's Report): who filed it (a local member, or another server's
 * actor for a Flag), about whom, which of their statuses, why ({@code category}: spam, legal, violation, other; the
 * rules for a violation), and whether it was forwarded to the target's server.
 */
public record Report(long id, long accountId, long targetAccountId, List<Long> statusIds, String comment,
                     String category, List<Long> ruleIds, boolean forwarded, Instant actionTakenAt,
                     Instant createdAt) {
    public static final List<String> CATEGORIES = List.of("spam", "legal", "violation", "other");
}
