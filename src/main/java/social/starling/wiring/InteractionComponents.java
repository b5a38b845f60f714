package social.starling.wiring;

import social.starling.service.interaction.BookmarkService;
import social.starling.service.interaction.ConversationMuteService;
import social.starling.service.interaction.FavouriteService;
import social.starling.service.interaction.InteractingAccountsService;
import social.starling.service.interaction.MarkedStatusesService;
import social.starling.service.interaction.PinService;
import social.starling.service.interaction.ReblogService;

/** Interactions with statuses: favourites, reblogs, bookmarks, pins, muted threads, and the lists of them. */
public record InteractionComponents(FavouriteService favourites, BookmarkService bookmarks, ReblogService reblogs,
                                    PinService pins, ConversationMuteService threadMutes,
                                    InteractingAccountsService interacting, MarkedStatusesService marked) {

    public static InteractionComponents build(Core core, Repositories repos, StatusComponents statuses) {
        var db = core.db();
        var clock = core.clock();
        var ids = core.ids();
        var views = statuses.views();
        return new InteractionComponents(
                new FavouriteService(db, repos.statusMarks(), repos.statuses(), views, statuses.outbox(), ids, clock),
                new BookmarkService(db, repos.statusMarks(), repos.statuses(), views, ids, clock),
                statuses.reblogs(),
                new PinService(db, repos.statusMarks(), views, ids, clock),
                new ConversationMuteService(db, repos.conversationMutes(), views),
                new InteractingAccountsService(db, repos.statusMarks(), repos.reblogs(), repos.accounts(), views,
                        statuses.relations()),
                new MarkedStatusesService(db, repos.statusMarks(), views));
    }
}
