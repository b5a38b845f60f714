package social.starling.service.status;

import social.starling.model.Account;
import social.starling.model.Status;

/**
 * Who may see a status (Mastodon's StatusPolicy#show?, stricter on blocks as Starling's brief asks): the author
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
}
