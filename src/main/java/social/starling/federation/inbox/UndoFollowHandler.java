package social.starling.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import social.starling.model.Account;
import social.starling.service.follow.FollowService;

/** {@code Undo} of the sender's own embedded {@code Follow} of a member: the follow (or request) ends. */
public final class UndoFollowHandler implements ActivityHandler {
    private final InboxLookup lookup;
    private final FollowService follows;

    public UndoFollowHandler(InboxLookup lookup, FollowService follows) {
        this.lookup = lookup;
        this.follows = follows;
    }

    @Override
    public void handle(Inbound a) {
        JsonNode follow = a.object();
        Rules.ownActivity(a, follow);
        Account member = lookup.requireLocalAccount(a, Activities.idOf(follow.get("object")).orElse(null));
        follows.unfollow(a.actor().id(), member.id());
    }
}
