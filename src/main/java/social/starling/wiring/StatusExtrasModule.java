package social.starling.wiring;

import io.javalin.router.JavalinDefaultRoutingApi;
import social.starling.App;
import social.starling.api.mastodon.v1.EmptyCollectionsHandler;
import social.starling.api.mastodon.v1.accounts.AccountStatusesHandler;
import social.starling.api.mastodon.v1.accounts.FamiliarFollowersHandler;
import social.starling.api.mastodon.v1.directory.DirectoryHandler;
import social.starling.api.mastodon.v1.filters.FiltersV1Handler;
import social.starling.api.mastodon.v1.polls.PollsHandler;
import social.starling.api.mastodon.v1.scheduled_statuses.ScheduledStatusesHandler;
import social.starling.api.mastodon.v1.statuses.ContextHandler;
import social.starling.api.mastodon.v1.statuses.StatusEditsHandler;
import social.starling.api.mastodon.v2.filters.FilterKeywordsHandler;
import social.starling.api.mastodon.v2.filters.FilterStatusesHandler;
import social.starling.api.mastodon.v2.filters.FiltersHandler;
import social.starling.api.mastodon.v2.search.SearchHandler;
import social.starling.convert.FilterApiMapper;
import social.starling.convert.ScheduledStatusApiMapper;
import social.starling.convert.StatusEditApiMapper;
import social.starling.db.AccountStatusRepository;
import social.starling.db.DiscoveryRepository;
import social.starling.db.FilterRepository;
import social.starling.db.ScheduledStatusRepository;
import social.starling.db.StatusEditRepository;
import social.starling.service.discovery.DiscoveryService;
import social.starling.service.filter.FilterService;
import social.starling.service.filter.FilterV1Service;
import social.starling.service.filter.KeywordStatusFilterer;
import social.starling.service.poll.ClosePollService;
import social.starling.service.poll.VoteService;
import social.starling.service.status.EditStatusService;
import social.starling.service.status.ScheduledStatusService;
import social.starling.service.status.StatusComposer;
import social.starling.service.status.StatusContextService;
import social.starling.service.status.StatusEditNotifier;
import social.starling.service.status.StatusFilterer;
import social.starling.service.status.StatusHistoryService;
import social.starling.service.status.StatusJobs;
import social.starling.service.timeline.AccountStatusesService;

/**
 * Everything about statuses beyond posting, showing and deleting: edits and their history, polls (votes, closing),
 * scheduled statuses, threads (context), profile timelines, keyword filters (v2 and the deprecated v1), the
 * directory, search, familiar followers, and the endpoints for features not built yet that answer empty results.
 */
public final class StatusExtrasModule implements Module {

    @Override
    public void install(App app, Wiring wiring) {
        var auth = app.apiAuth;
        var json = app.json;
        var edits = new StatusEditRepository(json);
        var composer = new StatusComposer(app.db, app.accounts, app.formatter, app.config.server().domain());
        var editStatus = new EditStatusService(app.db, app.statuses, edits, app.polls, app.tags, composer, app.jobs,
                app.ids, app.clock);
        var statusEdits = new StatusEditsHandler(auth, editStatus,
                new StatusHistoryService(app.db, edits, app.accounts, app.statusViews), app.statusViews,
                app.statusApi, new StatusEditApiMapper(app.accountApi), json);
        var context = new ContextHandler(auth, new StatusContextService(app.db, app.statuses, app.statusViews),
                app.statusApi);
        var polls = new PollsHandler(auth, new VoteService(app.db, app.polls, app.statusViews, app.ids, app.clock),
                app.statusViews, app.statusApi, json);
        var closePoll = new ClosePollService(app.db, app.polls, app.notify, app.clock);
        var scheduledService = scheduledStatuses(app);
        var scheduled = new ScheduledStatusesHandler(auth, scheduledService, new ScheduledStatusApiMapper(), json,
                app.baseUrl);
        var accountStatuses = new AccountStatusesHandler(auth, new AccountStatusesService(app.db, app.accounts,
                new AccountStatusRepository(), app.relationships, app.tags, app.relationsCache, app.statusViews),
                app.statusApi, json, app.baseUrl);
        var filterService = new FilterService(app.db, new FilterRepository(), app.statusViews, app.statusFilterer,
                app.ids, app.clock);
        var filterApi = new FilterApiMapper();
        var filters = new FiltersHandler(auth, filterService, filterApi, json);
        var keywords = new FilterKeywordsHandler(auth, filterService, filterApi, json);
        var filterStatuses = new FilterStatusesHandler(auth, filterService, filterApi, json);
        var filtersV1 = new FiltersV1Handler(auth, new FilterV1Service(filterService), filterApi, json);
        var discovery = new DiscoveryService(app.db, new DiscoveryRepository(app.accounts), app.accounts,
                app.relationships, app.relationsCache);
        var directory = new DirectoryHandler(auth, discovery, app.accountApi, json);
        var familiar = new FamiliarFollowersHandler(auth, discovery, app.accountApi, json);
        var search = new SearchHandler(auth, app.accountQueries, discovery, app.accountApi, json, app.baseUrl);
        var empty = new EmptyCollectionsHandler(auth, app.accountQueries);

        wiring.jobs().register(StatusJobs.CLOSE_POLL, closePoll::handle);
        wiring.jobs().register(StatusEditNotifier.JOB,
                new StatusEditNotifier(app.db, app.statuses, edits, app.notify)::handle);
        wiring.jobs().register(ScheduledStatusService.JOB, scheduledService::handle);

        wiring.routes((JavalinDefaultRoutingApi r) -> {
            r.put("/api/v1/statuses/{id}", statusEdits::update);
            r.get("/api/v1/statuses/{id}/history", statusEdits::history);
            r.get("/api/v1/statuses/{id}/source", statusEdits::source);
            r.get("/api/v1/statuses/{id}/context", context::handle);
            r.get("/api/v1/polls/{id}", polls::show);
            r.post("/api/v1/polls/{id}/votes", polls::vote);
            r.get("/api/v1/scheduled_statuses", scheduled::index);
            r.get("/api/v1/scheduled_statuses/{id}", scheduled::show);
            r.put("/api/v1/scheduled_statuses/{id}", scheduled::update);
            r.delete("/api/v1/scheduled_statuses/{id}", scheduled::destroy);
            // Before ClientApiModule's /api/v1/accounts/{id}, which would take "familiar_followers" for an id.
            r.get("/api/v1/accounts/familiar_followers", familiar::handle);
            r.get("/api/v1/accounts/{id}/statuses", accountStatuses::handle);
            r.get("/api/v1/accounts/{id}/featured_tags", empty::accountList);
            r.get("/api/v1/accounts/{id}/endorsements", empty::accountList);

            r.get("/api/v2/filters", filters::index);
            r.post("/api/v2/filters", filters::create);
            r.get("/api/v2/filters/{id}", filters::show);
            r.put("/api/v2/filters/{id}", filters::update);
            r.delete("/api/v2/filters/{id}", filters::destroy);
            r.get("/api/v2/filters/{id}/keywords", keywords::index);
            r.post("/api/v2/filters/{id}/keywords", keywords::create);
            r.get("/api/v2/filters/keywords/{id}", keywords::show);
            r.put("/api/v2/filters/keywords/{id}", keywords::update);
            r.delete("/api/v2/filters/keywords/{id}", keywords::destroy);
            r.get("/api/v2/filters/{id}/statuses", filterStatuses::index);
            r.post("/api/v2/filters/{id}/statuses", filterStatuses::create);
            r.get("/api/v2/filters/statuses/{id}", filterStatuses::show);
            r.delete("/api/v2/filters/statuses/{id}", filterStatuses::destroy);
            r.get("/api/v1/filters", filtersV1::index);
            r.post("/api/v1/filters", filtersV1::create);
            r.get("/api/v1/filters/{id}", filtersV1::show);
            r.put("/api/v1/filters/{id}", filtersV1::update);
            r.delete("/api/v1/filters/{id}", filtersV1::destroy);

            r.get("/api/v1/directory", directory::handle);
            r.get("/api/v2/search", search::handle);
            r.get("/api/v1/trends", empty::publicList);
            r.get("/api/v1/trends/tags", empty::publicList);
            r.get("/api/v1/trends/statuses", empty::publicList);
            r.get("/api/v1/trends/links", empty::publicList);
            r.get("/api/v1/custom_emojis", empty::publicList);
            r.get("/api/v1/suggestions", empty::suggestions);
            r.get("/api/v2/suggestions", empty::suggestions);
            r.delete("/api/v1/suggestions/{id}", empty::dismissSuggestion);
            r.get("/api/v1/announcements", empty::announcements);
            r.post("/api/v1/announcements/{id}/dismiss", empty::dismissAnnouncement);
            r.get("/api/v1/featured_tags", empty::ownAccountList);
            r.get("/api/v1/featured_tags/suggestions", empty::ownAccountList);
            r.get("/api/v1/endorsements", empty::ownAccountList);
            r.get("/api/v1/push/subscription", empty::pushSubscription);
            r.post("/api/v1/push/subscription", empty::subscribePush);
            r.delete("/api/v1/push/subscription", empty::unsubscribePush);
        });
    }

    /** The scheduled statuses service; stateless, so the posting hook and this module may each build one. */
    static ScheduledStatusService scheduledStatuses(App app) {
        return new ScheduledStatusService(app.db, new ScheduledStatusRepository(app.json), app.accounts, app.users,
                app.postStatus, app.statusViews, app.jobs, app.ids, app.clock);
    }

    /** The keyword filters applied to statuses; built while App is constructed, from what exists by then. */
    static StatusFilterer statusFilterer(App app) {
        return new KeywordStatusFilterer(app.db, new FilterRepository(), app.clock);
    }
}
