package social.starling.service.outbox;

import social.starling.db.Tx;
import social.starling.model.Follow;
import social.starling.model.Status;

/**
 * The one anchor for side effects: every write that other people (local or, with federation, remote) must learn
 * about is recorded here by the service that made it, inside the same transaction, so the effect commits with the
 * data or not at all. Use cases call the outbox; they never create notifications or queue fan-out themselves.
 *
 * <p>{@link LocalOutbox} is the implementation today: it queues the local effects (fan-out, mention and edit
 * notifications) and creates the immediate notifications through
 * {@link social.starling.service.notification.NotifyService}. Federation adds delivery to remote inboxes behind the
 * same calls: one typed job per outbound action, rendered to an activity when it runs (see docs/architecture.md).
 */
public interface Outbox {
    /** A status was posted: its followers' feeds, mentions and subscribers. */
    void statusCreated(Tx tx, Status status);

    /** {@code reblog} (by its author) of {@code original} was created. */
    void reblogged(Tx tx, Status reblog, Status original);

    /** A status was edited: newly mentioned people and those who reblogged it are told. */
    void statusEdited(Tx tx, Status status);

    /** A status was deleted (its row is gone once the transaction commits). */
    void statusDeleted(Tx tx, Status status);

    /** {@code accountId} favourited {@code status}. */
    void favourited(Tx tx, long accountId, Status status);

    /** {@code accountId} took back their favourite of {@code status}. */
    void unfavourited(Tx tx, long accountId, Status status);

    /** {@code reblog} (by its author) of {@code original} was undone. */
    void unreblogged(Tx tx, Status reblog, Status original);

    /** {@code request} awaits the approval of its (locked) target. */
    void followRequested(Tx tx, Follow request);

    /** The requester withdrew, or the target rejected, the pending request. */
    void followRequestClosed(Tx tx, long requesterId, long targetId, boolean rejected);

    /** {@code follow} began: at once, or when its target accepted the request ({@code accepted}). */
    void followed(Tx tx, Follow follow, boolean accepted);

    /** {@code followerId} stopped following {@code targetId}. */
    void unfollowed(Tx tx, long followerId, long targetId);
}
