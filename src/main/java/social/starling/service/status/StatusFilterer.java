package social.starling.service.status;

import java.util.List;
import social.starling.model.Status;
import social.starling.model.view.StatusView;

/**
 * Applies a viewer's keyword filters (Filters v2) to a status in a context (home, notifications, public, thread,
 * account). A match with action {@code hide} removes the status from lists; {@code warn} and {@code blur} keep it,
 * with the matches in Mastodon's {@code filtered} field.
 */
public interface StatusFilterer {
    /** Matches for {@code viewerId} in {@code context}; empty when none apply. */
    List<StatusView.FilterMatch> matches(long viewerId, String context, Status status, String plainText);

    /** Forgets what is cached for {@code viewerId} (after they change their filters). */
    default void evict(long viewerId) {
    }

    StatusFilterer NONE = (viewer, context, status, text) -> List.of();

    static boolean hides(List<StatusView.FilterMatch> matches) {
        return matches.stream().anyMatch(m -> "hide".equals(m.action()));
    }
}
