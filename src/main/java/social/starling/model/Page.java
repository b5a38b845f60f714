package social.starling.model;

import java.util.Optional;

/**
 * A page request as Mastodon takes it: {@code max_id} (older than), {@code since_id} (newer than, newest first),
 * {@code min_id} (immediately newer than, i.e. the page right after it, still returned newest first), and
 * {@code limit}.
 */
public record Page(Optional<Long> maxId, Optional<Long> sinceId, Optional<Long> minId, int limit) {
    public static Page first(int limit) {
        return new Page(Optional.empty(), Optional.empty(), Optional.empty(), limit);
    }

    /** Paging forward from {@code min_id}: fetch ascending from it, then reverse. */
    public boolean ascending() {
        return minId.isPresent();
    }

    /** The exclusive lower bound: min_id, else since_id. */
    public Optional<Long> lowerBound() {
        return minId.isPresent() ? minId : sinceId;
    }
}
