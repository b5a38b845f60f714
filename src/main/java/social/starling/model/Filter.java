package social.starling.model;

import java.time.Instant;
import java.util.List;

/**
 * A keyword filter (Mastodon's CustomFilter, Filters v2): where it applies ({@code contexts}: home, notifications,
 * public, thread, account), what it does ({@code action}: warn, hide, blur), until when ({@code expiresAt}, null for
 * ever), and what it matches: keywords and particular statuses.
 */
public record Filter(long id, long accountId, String title, List<String> contexts, String action, Instant expiresAt,
                     List<Keyword> keywords, List<FilteredStatus> statuses) {

    public static final List<String> CONTEXTS = List.of("home", "notifications", "public", "thread", "account");
    public static final List<String> ACTIONS = List.of("warn", "hide", "blur");

    /** A keyword; {@code wholeWord} matches at word boundaries only. */
    public record Keyword(long id, long filterId, String keyword, boolean wholeWord) {
    }

    /** A status the filter matches by id. */
    public record FilteredStatus(long id, long filterId, long statusId) {
    }

    public boolean expired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    public Filter withRules(List<Keyword> keywords, List<FilteredStatus> statuses) {
        return new Filter(id, accountId, title, contexts, action, expiresAt, keywords, statuses);
    }
}
