package social.starling.federation.inbox;

import java.time.Clock;
import social.starling.db.Database;
import social.starling.federation.fetch.RemoteFetcher;
import social.starling.service.account.AccountWriter;
import social.starling.service.account.DeleteRemoteAccountService;
import social.starling.service.account.MoveAccountService;
import social.starling.service.account.RemoteActors;
import social.starling.service.account.ResolveAccountService;
import social.starling.service.follow.BlockService;
import social.starling.service.follow.FollowService;
import social.starling.service.interaction.FavouriteService;
import social.starling.service.interaction.ReblogService;
import social.starling.service.moderation.ReceiveReportService;
import social.starling.service.status.QuoteExchangeService;

/**
 * The one table of what the inbox does with each activity: {@code Activity/ObjectKind} (or just {@code Activity})
 * to its handler (see {@link InboxDispatcher} for the object kinds). Anything not listed is ignored.
 */
public final class InboxTable {
    /** What the handlers act through: the use cases, and the notes contract implemented in federation/note. */
    public record Services(Database db, FollowService follows, BlockService blocks, FavouriteService favourites,
                           ReblogService reblogs, AccountWriter accountWriter, RemoteActors actors,
                           ResolveAccountService resolve, DeleteRemoteAccountService deleteAccount,
                           MoveAccountService moves, ReceiveReportService reports, NoteIngest notes,
                           RemoteFetcher fetcher, QuoteExchangeService quotes, Clock clock) {
    }

    private InboxTable() {
    }

    public static InboxDispatcher build(InboxLookup lookup, Services s) {
        var undoAnnounce = new UndoAnnounceHandler(lookup, s.reblogs());
        var deleteNote = new DeleteNoteHandler(s.notes());
        var acceptFollow = new AcceptFollowHandler(lookup, s.follows());
        var rejectFollow = new RejectFollowHandler(lookup, s.follows());
        var createNote = new CreateNoteHandler(s.notes(), s.fetcher());
        var featured = new FeaturedHandler();
        var acceptQuote = new AcceptQuoteRequestHandler(lookup, s.notes(), s.quotes(), true);
        var rejectQuote = new AcceptQuoteRequestHandler(lookup, s.notes(), s.quotes(), false);
        var deleteRef = new DeleteQuoteAuthorizationHandler(s.quotes(), deleteNote);
        return new InboxDispatcher()
                .on("Follow", new FollowHandler(lookup, s.follows()))
                .on("Accept/Follow", acceptFollow)
                .on("Accept/Ref", acceptQuote.orElse(acceptFollow))
                .on("Reject/Follow", rejectFollow)
                .on("Reject/Ref", rejectQuote.orElse(rejectFollow))
                .on("Accept/QuoteRequest", acceptQuote)
                .on("Reject/QuoteRequest", rejectQuote)
                .on("QuoteRequest", new QuoteRequestHandler(lookup, s.notes(), s.quotes()))
                .on("Undo/Follow", new UndoFollowHandler(lookup, s.follows()))
                .on("Undo/Like", new UndoLikeHandler(lookup, s.favourites()))
                .on("Undo/Announce", undoAnnounce)
                .on("Undo/Block", new UndoBlockHandler(lookup, s.blocks()))
                .on("Undo/Ref", new UndoReferenceHandler(lookup, undoAnnounce, s.follows()))
                .on("Create/Note", createNote)
                .on("Create/Ref", createNote)
                .on("Update/Note", new UpdateNoteHandler(s.notes()))
                .on("Update/Self", new UpdatePersonHandler(s.db(), s.accountWriter(), s.actors(), s.clock()))
                .on("Delete/Ref", deleteRef)
                .on("Delete/QuoteAuthorization", deleteRef)
                .on("Delete/Note", deleteNote)
                .on("Delete/Tombstone", deleteNote)
                .on("Delete/Self", new DeletePersonHandler(s.deleteAccount()))
                .on("Like", new LikeHandler(lookup, s.favourites()))
                .on("Announce", new AnnounceHandler(s.notes(), s.reblogs(), s.clock()))
                .on("Block", new BlockHandler(lookup, s.blocks()))
                .on("Move", new MoveHandler(lookup, s.fetcher(), s.resolve(), s.moves()))
                .on("Flag", new FlagHandler(lookup, s.reports()))
                .on("Add", featured)
                .on("Remove", featured);
    }
}
