package social.starling.model;

import java.time.Instant;
import java.util.List;

/** A poll attached to a status. {@code counts} holds the votes per option, in option order. */
public record Poll(long id, long statusId, long accountId, List<String> options, List<Integer> counts,
                   boolean multiple, boolean hideTotals, int votesCount, int votersCount, Instant expiresAt,
                   Instant closedAt) {
    public boolean expired(Instant now) {
        return closedAt != null || (expiresAt != null && !expiresAt.isAfter(now));
    }
}
