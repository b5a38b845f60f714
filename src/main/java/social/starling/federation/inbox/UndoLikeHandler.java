package social.starling.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import social.starling.model.Status;
import social.starling.service.interaction.FavouriteService;

/** {@code Undo} of the sender's own embedded {@code Like}: the favourite is taken back. */
public final class UndoLikeHandler implements ActivityHandler {
    private final InboxLookup lookup;
    private final FavouriteService favourites;

    public UndoLikeHandler(InboxLookup lookup, FavouriteService favourites) {
        this.lookup = lookup;
        this.favourites = favourites;
    }

    @Override
    public void handle(Inbound a) {
        JsonNode like = a.object();
        Rules.ownActivity(a, like);
        String target = Activities.idOf(like.get("object")).orElseThrow(() -> a.refuse("the Like has no object"));
        Status status = lookup.localStatus(target).orElseThrow(() -> a.refuse(target + " is not a status here"));
        favourites.unfavourite(a.actor().id(), status.id());
    }
}
