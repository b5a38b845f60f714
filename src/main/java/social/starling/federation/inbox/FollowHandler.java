package social.starling.federation.inbox;

import social.starling.model.Account;
import social.starling.service.follow.FollowService;

/**
 * {@code Follow} of a member (Mastodon's activitypub/activity/follow.rb): a follow at once, or a follow request if
 * the member is locked; the outbox answers with Accept (or Reject when a block stands between them). The activity
 * id is kept with the follow, so the Accept can name it and a later Undo can find it.
 */
public final class FollowHandler implements ActivityHandler {
    private final InboxLookup lookup;
    private final FollowService follows;

    public FollowHandler(InboxLookup lookup, FollowService follows) {
        this.lookup = lookup;
        this.follows = follows;
    }

    @Override
    public void handle(Inbound a) {
        Rules.idOnActorOrigin(a);
        Account member = lookup.requireLocalAccount(a, Rules.objectId(a));
        follows.followFromRemote(a.actor().id(), member.id(), a.id().orElse(null));
    }
}
