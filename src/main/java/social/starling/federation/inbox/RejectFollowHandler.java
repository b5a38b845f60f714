package social.starling.federation.inbox;

import social.starling.service.follow.FollowService;

/**
 * {@code Reject} of a member's Follow ({@link OurFollow}): the request ends, or the follow if it had been accepted
 * (Mastodon's reject.rb; servers send it to remove a follower).
 */
public final class RejectFollowHandler implements ActivityHandler {
    private final InboxLookup lookup;
    private final FollowService follows;

    public RejectFollowHandler(InboxLookup lookup, FollowService follows) {
        this.lookup = lookup;
        this.follows = follows;
    }

    @Override
    public void handle(Inbound a) {
        follows.rejectedByRemote(OurFollow.follower(a, lookup), a.actor().id());
    }
}
