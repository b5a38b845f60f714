package social.starling.federation.inbox;

import social.starling.service.follow.FollowService;

/** {@code Accept} of a member's Follow ({@link OurFollow}): the pending request becomes a follow. */
public final class AcceptFollowHandler implements ActivityHandler {
    private final InboxLookup lookup;
    private final FollowService follows;

    public AcceptFollowHandler(InboxLookup lookup, FollowService follows) {
        this.lookup = lookup;
        this.follows = follows;
    }

    @Override
    public void handle(Inbound a) {
        follows.acceptedByRemote(OurFollow.follower(a, lookup), a.actor().id());
    }
}
