package social.starling.service.outbox;

import java.util.List;
import social.starling.db.Tx;
import social.starling.model.Account;
import social.starling.model.Follow;
import social.starling.model.Quote;
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

    /** A status is being deleted: called before its row (and its mentions) are, in the same transaction. */
    void statusDeleted(Tx tx, Status status);

    /** {@code accountId} favourited {@code status}. */
    void favourited(Tx tx, long accountId, Status status);

    /** {@code accountId} took back their favourite of {@code status}. */
    void unfavourited(Tx tx, long accountId, Status status);

    /** {@code reblog} (by its author) of {@code original} was undone. */
    void unreblogged(Tx tx, Status reblog, Status original);

    /** {@code request} awaits the approval of its (locked) target. */
    void followRequested(Tx tx, Follow request);

    /** The requester withdrew, or the target rejected ({@code rejected}), the pending {@code request}. */
    void followRequestClosed(Tx tx, Follow request, boolean rejected);

    /** {@code follow} began: at once, or when its target accepted the request ({@code accepted}). */
    void followed(Tx tx, Follow follow, boolean accepted);

    /**
     * A remote actor followed again ({@code uri}: its new Follow's id) a member it already follows: it is told
     * Accept again, since the first may have been lost.
     */
    void followReaccepted(Tx tx, Follow follow, String uri);

    /**
     * {@code follow} ended: the follower unfollowed, or (a block, or a remote follower removed) the target ended it.
     * {@code byTarget} tells which; a remote follower is then sent a Reject, as Mastodon does.
     */
    void unfollowed(Tx tx, Follow follow, boolean byTarget);

    /** {@code blockerId} blocked {@code targetId} (follows both ways were ended first, through {@link #unfollowed}). */
    void blocked(Tx tx, long blockerId, long targetId);

    /** {@code blockerId} lifts its block of {@code targetId}: called before the block's row is deleted. */
    void unblocked(Tx tx, long blockerId, long targetId);

    /** A local account's profile changed (name, note, fields, images, flags). */
    void profileUpdated(Tx tx, Account account);

    /** {@code accountId} voted {@code choices} (option indexes) in the poll of {@code pollStatus}. */
    void voted(Tx tx, long accountId, Status pollStatus, List<Integer> choices);

    /**
     * A remote person's quote of a local status was answered here (their QuoteRequest): {@code quote} is now
     * accepted (the quoted author is told; the requester gets Accept with the authorization) or rejected (Reject).
     */
    void quoteAnswered(Tx tx, Quote quote);

    /** The quoted (local) author revoked {@code quote}; a remote quoting author is sent the authorization's Delete. */
    void quoteRevoked(Tx tx, Quote quote);

    /** A member reported an account; forwarded ones go to the target's server as a Flag. Nothing local to do. */
    default void reported(Tx tx, social.starling.model.Report report) {
    }

    /**
     * Moderators suspended {@code account}: a local one's followers' servers are sent a Delete of the actor (the
     * row stays here, hidden, for 30 days). Nothing local to do.
     */
    default void accountSuspended(Tx tx, Account account) {
    }

    /** The remote quoted author's server accepted a local person's {@code quote}: the note is sent again (Update). */
    void quoteApproved(Tx tx, Quote quote);
}
