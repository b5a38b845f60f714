package social.starling.federation.inbox;

import java.util.Optional;
import social.starling.errors.NotFoundException;
import social.starling.model.Status;
import social.starling.service.interaction.ReblogService;

/**
 * {@code Undo} of the sender's own {@code Announce} (embedded, or by its id through {@link UndoReferenceHandler}):
 * the sender's reblog with that URI is deleted (counts, notification withdrawn, out of the feeds it reached).
 */
public final class UndoAnnounceHandler implements ActivityHandler {
    private final InboxLookup lookup;
    private final ReblogService reblogs;

    public UndoAnnounceHandler(InboxLookup lookup, ReblogService reblogs) {
        this.lookup = lookup;
        this.reblogs = reblogs;
    }

    @Override
    public void handle(Inbound a) {
        Rules.ownActivity(a, a.object());
        String uri = Rules.objectId(a);
        if (!undo(a, uri)) {
            throw a.refuse("the sender has no reblog " + uri);
        }
    }

    /** Undoes the sender's reblog {@code uri}; false if there is none. */
    boolean undo(Inbound a, String uri) {
        Optional<Status> reblog = lookup.status(uri)
                .filter(s -> s.isReblog() && s.accountId() == a.actor().id());
        if (reblog.isEmpty()) {
            return false;
        }
        try {
            reblogs.unreblog(a.actor().id(), reblog.get().reblogOfId());
        } catch (NotFoundException e) {
            // Done; only the answer (the original, as the sender sees it) cannot be shown.
        }
        return true;
    }
}
