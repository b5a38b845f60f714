package social.starling.federation.outbox;

import java.time.Duration;
import java.util.List;
import social.starling.jobs.JobType;
import social.starling.jobs.Lane;

/**
 * The one job an outbound action queues (in the writer's transaction): which action, and the ids it concerns. When
 * it runs, {@link FederateHandler} renders the activity once and queues a delivery per inbox. Only what will be gone
 * by then is carried (a deleted status's URI, visibility and the accounts it reached; a follow's id and URI).
 *
 * @param kind       what happened
 * @param actorId    the local account that acts, and signs
 * @param statusId   the status concerned (created, edited, deleted, reblog, favourited, poll), or null
 * @param objectId   a second id: the reblogged original, the follow, block or quote row, or null
 * @param targetId   the other account (followed, follower, blocked), or null
 * @param uri        a URI that will be gone: the Follow's id, the deleted status or reblog's URI, or null
 * @param visibility of a deleted status or reblog, or null
 * @param accountIds accounts a deleted status reached beyond the followers (mentioned, replied to, rebloggers)
 * @param choices    the options voted for
 */
public record Federate(Kind kind, long actorId, Long statusId, Long objectId, Long targetId, String uri,
                       String visibility, List<Long> accountIds, List<Integer> choices) {

    public static final JobType<Federate> JOB = JobType.of("federate", Lane.DELIVERY, Federate.class)
            .withRetries(8, Duration.ofSeconds(10), Duration.ofHours(1));

    public enum Kind {
        CREATE, UPDATE_NOTE, DELETE, ANNOUNCE, UNDO_ANNOUNCE, LIKE, UNDO_LIKE, FOLLOW, UNDO_FOLLOW, ACCEPT_FOLLOW,
        REJECT_FOLLOW, BLOCK, UNDO_BLOCK, UPDATE_ACTOR, DELETE_ACTOR, VOTE, ACCEPT_QUOTE, REJECT_QUOTE, DELETE_QUOTE_AUTHORIZATION,
        FLAG
    }

    public Federate {
        accountIds = accountIds == null ? List.of() : List.copyOf(accountIds);
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    static Federate status(Kind kind, long actorId, long statusId) {
        return new Federate(kind, actorId, statusId, null, null, null, null, null, null);
    }

    static Federate between(Kind kind, long actorId, long targetId, Long objectId, String uri) {
        return new Federate(kind, actorId, null, objectId, targetId, uri, null, null, null);
    }
}
