package social.starling.federation.inbox;

import social.starling.model.Status;
import social.starling.service.interaction.FavouriteService;

/**
 * {@code Like} of a member's status (Mastodon's like.rb: only local statuses are counted): a favourite by the
 * remote account, through the one write path (count, notification to the author). The sender must be allowed to
 * see the status (a private one only by a follower); otherwise nothing happens. Misskey's reactions arrive as a
 * Like with {@code content}: they count as favourites, as on Mastodon.
 */
public final class LikeHandler implements ActivityHandler {
    private final InboxLookup lookup;
    private final FavouriteService favourites;

    public LikeHandler(InboxLookup lookup, FavouriteService favourites) {
        this.lookup = lookup;
        this.favourites = favourites;
    }

    @Override
    public void handle(Inbound a) {
        Rules.idOnActorOrigin(a);
        String target = Rules.objectId(a);
        Status status = lookup.localStatus(target).orElseThrow(() -> a.refuse(target + " is not a status here"));
        favourites.favourite(a.actor().id(), status.id());
    }
}
