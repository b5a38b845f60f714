package social.starling.service.visibility;

import social.starling.model.Account;
import social.starling.model.NotificationType;
import social.starling.model.Status;
import social.starling.model.Visibility;

/**
 * The checks every surface shares (timelines, threads, notifications, streaming, federation delivery, web pages),
 * as GoToSocial keeps them in its filter/visibility package. Who may see a status (Mastodon's StatusPolicy#show?, stricter on blocks as Starling's brief asks): the author
 * always; a direct status only the people it mentions; a private status followers and the mentioned; public and
 * unlisted statuses anyone, including visitors. A block in either direction, or the viewer's block of the author's
 * domain, hides a status from everyone else. What cannot be seen is answered as if it did not exist (404).
 */
public final class StatusVisibility {
    private StatusVisibility() {
    }

    /**
     * @param viewer            null for a visitor without a token
     * @param followsAuthor     whether the viewer follows the author (only consulted for private statuses)
     * @param mentioned         whether the status mentions the viewer
     */
    public static boolean canSee(Status status, Account author, Long viewer, Relations relations,
                                 boolean followsAuthor, boolean mentioned) {
        if (viewer != null && viewer == status.accountId()) {
            return true;
        }
        if (author.suspended()) {
            return false;
        }
        if (viewer != null && (relations.blockedEitherWay(status.accountId()) || relations.blocksDomain(author.domain()))) {
            return false;
        }
        return switch (status.visibility()) {
            case PUBLIC, UNLISTED -> true;
            case PRIVATE -> viewer != null && (followsAuthor || mentioned);
            case DIRECT -> viewer != null && mentioned;
        };
    }

    /**
     * Whether a status the viewer may see also shows in their timelines, threads and notifications: not when they
     * muted its author (a status asked for by id still shows). Their own statuses always show.
     */
    public static boolean shownInFeeds(Status status, Long viewer, Relations relations) {
        return viewer == null || viewer == status.accountId() || !relations.mutes(status.accountId());
    }

    /**
     * Whether a status belongs on the public timelines (Mastodon's PublicFeed): public, not a reblog, not a reply
     * to someone else, by an author neither suspended nor silenced. {@code StatusRepository#publicTimeline} applies
     * the same conditions in SQL; streaming asks this for each new status.
     */
    public static boolean inPublicTimeline(Status status, Account author) {
        return status.visibility() == Visibility.PUBLIC && !status.isReblog()
                && (!status.isReply() || Long.valueOf(status.accountId()).equals(status.inReplyToAccountId()))
                && !author.suspended() && author.silencedAt() == null;
    }

    /*
     * Who gets a status in their home feed is one SQL condition, db/HomeFeedRule, used by fan-out, rebuild and merge;
     * fan-out returns the accounts it reached, which is what streaming needs. It is not repeated here.
     */

    /**
     * Mastodon's notification rules for one recipient (NotifyService#filter?): never about one's own action except
     * the end of one's own poll; nothing from an account the recipient blocks or that blocks them, that they muted
     * with notifications hidden, that is suspended or on a domain they block; nothing about a status in a thread
     * they muted.
     */
    public static boolean notificationAllowed(long recipientId, Account from, NotificationType type,
                                              Relations recipient, boolean threadMuted) {
        if (recipientId == from.id()) {
            return type == NotificationType.POLL;
        }
        return !recipient.blockedEitherWay(from.id()) && !recipient.mutesNotificationsFrom(from.id())
                && !from.suspended() && !recipient.blocksDomain(from.domain()) && !threadMuted;
    }
}
