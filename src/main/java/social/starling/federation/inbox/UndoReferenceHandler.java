package social.starling.federation.inbox;

import java.util.Optional;
import social.starling.service.follow.FollowService;

/**
 * {@code Undo} whose object is only an id (Mastodon's undo.rb {@code handle_reference}): with no type to go by, the
 * id is looked up among what the sender did here — a reblog (Announce), then a follow or follow request. Likes and
 * blocks are not stored with their activity ids, so an Undo of those must embed them (every major server does).
 */
public final class UndoReferenceHandler implements ActivityHandler {
    private final InboxLookup lookup;
    private final UndoAnnounceHandler announces;
    private final FollowService follows;

    public UndoReferenceHandler(InboxLookup lookup, UndoAnnounceHandler announces, FollowService follows) {
        this.lookup = lookup;
        this.announces = announces;
        this.follows = follows;
    }

    @Override
    public void handle(Inbound a) {
        String uri = Rules.objectId(a);
        Rules.onActorOrigin(a, uri);
        if (announces.undo(a, uri)) {
            return;
        }
        Optional<Long> target = lookup.targetOfFollow(a.actor().id(), uri);
        if (target.isEmpty()) {
            throw a.refuse("nothing of the sender's is known by " + uri);
        }
        follows.unfollow(a.actor().id(), target.get());
    }
}
