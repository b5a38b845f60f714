package social.starling.wiring;

import social.starling.service.event.FiltersChanged;
import social.starling.service.filter.FilterService;
import social.starling.service.filter.FilterV1Service;
import social.starling.service.filter.KeywordStatusFilterer;
import social.starling.service.interaction.ReblogService;
import social.starling.service.notification.NotifyService;
import social.starling.service.outbox.Outbox;
import social.starling.service.poll.ClosePollService;
import social.starling.service.poll.VoteService;
import social.starling.service.status.StatusMedia;
import social.starling.service.status.DeleteStatusService;
import social.starling.service.status.DistributeStatusService;
import social.starling.service.status.EditStatusService;
import social.starling.service.status.PostStatusService;
import social.starling.service.visibility.RelationsCache;
import social.starling.service.status.ScheduledStatusService;
import social.starling.service.status.StatusComposer;
import social.starling.service.status.StatusContextService;
import social.starling.service.status.StatusEditNotifier;
import social.starling.service.status.StatusHistoryService;
import social.starling.service.status.StatusViews;
import social.starling.service.status.StatusWriter;
import social.starling.service.timeline.AccountStatusesService;
import social.starling.service.timeline.HomeFeedService;
import social.starling.service.timeline.PublicTimelineService;

/** Statuses: reading (views, timelines, threads), posting, editing, scheduling, polls, filters, distribution. */
public record StatusComponents(RelationsCache relations, KeywordStatusFilterer filterer, StatusViews views,
                               NotifyService notifier, Outbox outbox, HomeFeedService homeFeed, StatusComposer composer,
                               StatusWriter writer, PostStatusService post, ScheduledStatusService scheduled, EditStatusService edit,
                               StatusHistoryService history, DeleteStatusService delete,
                               DistributeStatusService distribute, StatusContextService context, VoteService vote,
                               ClosePollService closePoll, StatusEditNotifier editNotifier,
                               AccountStatusesService accountStatuses, PublicTimelineService publicTimeline,
                               FilterService filters, FilterV1Service filtersV1, ReblogService reblogs) {

    public static StatusComponents build(Core core, Repositories repos, AccountComponents accounts,
                                         OutboxComponents outboxes) {
        var db = core.db();
        var clock = core.clock();
        var ids = core.ids();
        var relations = new RelationsCache(db, repos.relationships(), clock);
        accounts.changes().listen(relations::evict);
        var filterer = new KeywordStatusFilterer(db, repos.filters(), clock);
        var views = new StatusViews(db, repos.statuses(), repos.accounts(), repos.relationships(), repos.tags(),
                repos.polls(), repos.interactions(), repos.oauth(), relations, filterer, repos.quotes(), repos.media(), clock);
        var notify = outboxes.notifier();
        var outbox = outboxes.outbox();
        var homeFeed = new HomeFeedService(db, repos.feeds(), views, core.config().feeds().maxItems(), clock);
        var composer = new StatusComposer(db, repos.accounts(), core.formatter(), core.domain());
        var writer = new StatusWriter(repos.statuses(), repos.accounts(), repos.tags(), repos.polls(),
                repos.conversations(), repos.feeds(), core.jobs(), outbox, ids);
        var post = new PostStatusService(db, repos.statuses(), repos.accounts(), repos.users(), repos.idempotency(),
                views, composer, writer, repos.quotes(), new StatusMedia(repos.media()), ids, core.uris(), clock);
        var filters = new FilterService(db, repos.filters(), views, filterer, ids, clock, core.events());
        // A change made through another node reaches this node's compiled filters too.
        core.events().subscribe(FiltersChanged.class, e -> filterer.evict(e.accountId()));
        // Built here, not with the other interactions: deleting one's own reblog undoes it (DeleteStatusService).
        var reblogs = new ReblogService(db, repos.statuses(), repos.reblogs(), repos.accounts(), repos.users(),
                repos.feeds(), views, outbox, ids, core.uris(), clock);
        return new StatusComponents(relations, filterer, views, notify, outbox, homeFeed, composer, writer, post,
                new ScheduledStatusService(db, repos.scheduledStatuses(), repos.accounts(), repos.users(), post,
                        views, core.jobs(), ids, clock),
                new EditStatusService(db, repos.statuses(), repos.statusEdits(), repos.polls(), repos.tags(),
                        composer, core.jobs(), outbox, repos.quotes(), repos.media(), ids, clock),
                new StatusHistoryService(db, repos.statusEdits(), repos.accounts(), views),
                new DeleteStatusService(db, repos.statuses(), repos.accounts(), views, outbox, reblogs, clock),
                new DistributeStatusService(db, repos.statuses(), repos.feeds(), repos.listFeeds(), repos.relationships(), repos.users(),
                        repos.conversations(), notify, repos.quotes(), ids, clock, core.events()),
                new StatusContextService(db, repos.statuses(), views, core.jobs(), clock),
                new VoteService(db, repos.polls(), repos.statuses(), views, outbox, ids, clock),
                new ClosePollService(db, repos.polls(), notify, clock),
                new StatusEditNotifier(db, repos.statuses(), repos.statusEdits(), notify, repos.quotes(), repos.feeds(),
                        repos.listFeeds(), core.events(), clock),
                new AccountStatusesService(db, repos.accounts(), repos.accountStatuses(), repos.relationships(),
                        repos.tags(), relations, views),
                new PublicTimelineService(db, repos.statuses(), views),
                filters, new FilterV1Service(filters), reblogs);
    }
}
