package social.starling.model;

import java.time.Instant;
import java.util.List;

/** {@code accountId} follows {@code targetAccountId}; also the shape of a pending follow request. */
public record Follow(long id, long accountId, long targetAccountId, boolean showReblogs, boolean notifyPosts,
                     List<String> languages, String uri, Instant createdAt) {
}
