package social.starling.service.event;

import java.util.List;

/**
 * A status (or a reblog) was distributed: {@code homeRecipients} are the local accounts whose home feed it entered
 * (what fan-out returned, plus a local author), so the user stream needs no second look at the follow graph.
 * Public, hashtag and list streams decide from the status itself. Published by the {@code status.distribute} job.
 */
public record StatusCreated(long statusId, List<Long> homeRecipients) implements Event {
    public StatusCreated {
        homeRecipients = homeRecipients == null ? List.of() : List.copyOf(homeRecipients);
    }
}
