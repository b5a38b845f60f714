package social.starling.model.view;

import java.util.List;

/** The viewer's relationship to one account (field names as Mastodon's Relationship entity). */
public record Relationship(long id, boolean following, boolean showingReblogs, boolean notifying,
                           List<String> languages, boolean followedBy, boolean blocking, boolean blockedBy,
                           boolean muting, boolean mutingNotifications, boolean requested, boolean requestedBy,
                           boolean domainBlocking, boolean endorsed, String note) {
}
