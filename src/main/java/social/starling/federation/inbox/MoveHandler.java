package social.starling.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import social.starling.federation.fetch.FetchException;
import social.starling.federation.fetch.RemoteFetcher;
import social.starling.model.Account;
import social.starling.service.account.MoveAccountService;
import social.starling.service.account.ResolveAccountService;

/**
 * {@code Move} of the sender to {@code target} (Mastodon's move.rb): the object must be the sender itself, and the
 * target's actor document, fetched fresh from its own origin, must list the sender in {@code alsoKnownAs}
 * (Mastodon's rule: an account cannot be claimed by someone it does not name). Then the sender is marked moved and
 * its local followers follow the target instead ({@link MoveAccountService}). Moves to a member of this server are
 * not taken yet (members have no {@code alsoKnownAs} here until account migration is built).
 */
public final class MoveHandler implements ActivityHandler {
    private final InboxLookup lookup;
    private final RemoteFetcher fetcher;
    private final ResolveAccountService resolve;
    private final MoveAccountService moves;

    public MoveHandler(InboxLookup lookup, RemoteFetcher fetcher, ResolveAccountService resolve,
                       MoveAccountService moves) {
        this.lookup = lookup;
        this.fetcher = fetcher;
        this.resolve = resolve;
        this.moves = moves;
    }

    @Override
    public void handle(Inbound a) {
        Rules.idOnActorOrigin(a);
        if (!Rules.objectId(a).equals(a.actor().uri())) {
            throw a.refuse("only the sender itself can move");
        }
        String target = Activities.idOf(a.json().get("target")).orElseThrow(() -> a.refuse("no target"));
        if (lookup.origins().isLocal(target) || target.equals(a.actor().uri())) {
            throw a.refuse("moves to " + target + " are not taken");
        }
        JsonNode document;
        try {
            document = fetcher.getJson(new URI(target)).document();
        } catch (URISyntaxException | FetchException e) {
            throw a.refuse("the target " + target + " cannot be fetched: " + e.getMessage());
        }
        if (!target.equals(Activities.idOf(document).orElse(""))
                || !Activities.ids(document.get("alsoKnownAs")).contains(a.actor().uri())) {
            throw a.refuse("the target " + target + " does not name the sender in alsoKnownAs");
        }
        Account moved = resolve.resolveUrl(target).filter(t -> t.uri().equals(target) && !t.suspended())
                .orElseThrow(() -> a.refuse("the target " + target + " cannot be resolved"));
        moves.move(a.actor().id(), moved.id());
    }
}
