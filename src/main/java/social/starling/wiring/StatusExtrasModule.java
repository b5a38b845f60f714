package social.starling.wiring;

import social.starling.api.RouteTable;
import social.starling.api.mastodon.v1.EmptyCollectionsHandler;
import social.starling.api.mastodon.v1.accounts.AccountStatusesHandler;
import social.starling.api.mastodon.v1.accounts.FamiliarFollowersHandler;
import social.starling.api.mastodon.v1.directory.DirectoryHandler;
import social.starling.api.mastodon.v1.filters.FiltersV1Handler;
import social.starling.api.mastodon.v1.polls.PollsHandler;
import social.starling.api.mastodon.v1.statuses.ContextHandler;
import social.starling.api.mastodon.v1.statuses.StatusEditsHandler;
import social.starling.api.mastodon.v2.filters.FilterKeywordsHandler;
import social.starling.api.mastodon.v2.filters.FilterStatusesHandler;
import social.starling.api.mastodon.v2.filters.FiltersHandler;
import social.starling.api.mastodon.v2.search.SearchHandler;
import social.starling.convert.FilterApiMapper;
import social.starling.convert.StatusEditApiMapper;
import social.starling.jobs.JobRunner;
import social.starling.service.status.StatusEditNotifier;
import social.starling.service.status.StatusJobs;

/**
 * Everything about statuses beyond posting, showing and deleting: edits and their history, polls (votes, closing),
 * scheduled statuses, threads (context), profile timelines, keyword filters (v2 and the deprecated v1), the
 * directory, search, familiar followers, and the endpoints for features not built yet that answer empty results.
 */
public final class StatusExtrasModule implements Module {
    private final StatusComponents statuses;
    private final StatusEditsHandler statusEdits;
    private final ContextHandler context;
    private final PollsHandler polls;
    private final AccountStatusesHandler accountStatuses;
    private final FiltersHandler filters;
    private final FilterKeywordsHandler keywords;
    private final FilterStatusesHandler filterStatuses;
    private final FiltersV1Handler filtersV1;
    private final DirectoryHandler directory;
    private final FamiliarFollowersHandler familiar;
    private final SearchHandler search;
    private final EmptyCollectionsHandler empty;

    public StatusExtrasModule(StatusComponents statuses, GraphComponents graph, AccountComponents accounts,
                              RemoteAccountComponents remote, RemoteNoteComponents notes, Edges edges) {
        this.statuses = statuses;
        var auth = edges.auth();
        var json = edges.json();
        var views = statuses.views();
        this.statusEdits = new StatusEditsHandler(auth, statuses.edit(), statuses.history(), views,
                edges.statusApi(), new StatusEditApiMapper(edges.accountApi()), json);
        this.context = new ContextHandler(auth, statuses.context(), edges.statusApi());
        this.polls = new PollsHandler(auth, statuses.vote(), views, edges.statusApi(), json);
        this.accountStatuses = new AccountStatusesHandler(auth, statuses.accountStatuses(), edges.statusApi(), json,
                edges.baseUrl());
        var filterApi = new FilterApiMapper();
        this.filters = new FiltersHandler(auth, statuses.filters(), filterApi, json);
        this.keywords = new FilterKeywordsHandler(auth, statuses.filters(), filterApi, json);
        this.filterStatuses = new FilterStatusesHandler(auth, statuses.filters(), filterApi, json);
        this.filtersV1 = new FiltersV1Handler(auth, statuses.filtersV1(), filterApi, json);
        this.directory = new DirectoryHandler(auth, graph.discovery(), edges.accountApi(), json);
        this.familiar = new FamiliarFollowersHandler(auth, graph.discovery(), edges.accountApi(), json);
        this.search = new SearchHandler(auth, accounts.queries(), remote.resolve(), notes.resolveStatus(),
                graph.discovery(), edges.accountApi(), edges.statusApi(), json, edges.baseUrl());
        this.empty = new EmptyCollectionsHandler(auth);
    }

    @Override
    public void routes(RouteTable routes) {
        routes.mastodonApi()
                .update("/api/v1/statuses/{id}", statusEdits::update)
                .get("/api/v1/statuses/{id}/history", statusEdits::history)
                .get("/api/v1/statuses/{id}/source", statusEdits::source)
                .get("/api/v1/statuses/{id}/context", context::handle)
                .get("/api/v1/polls/{id}", polls::show)
                .post("/api/v1/polls/{id}/votes", polls::vote)
                .get("/api/v1/accounts/familiar_followers", familiar::handle)
                .get("/api/v1/accounts/{id}/statuses", accountStatuses::handle)
                .get("/api/v2/filters", filters::index)
                .post("/api/v2/filters", filters::create)
                .get("/api/v2/filters/{id}", filters::show)
                .update("/api/v2/filters/{id}", filters::update)
                .delete("/api/v2/filters/{id}", filters::destroy)
                .get("/api/v2/filters/{id}/keywords", keywords::index)
                .post("/api/v2/filters/{id}/keywords", keywords::create)
                .get("/api/v2/filters/keywords/{id}", keywords::show)
                .update("/api/v2/filters/keywords/{id}", keywords::update)
                .delete("/api/v2/filters/keywords/{id}", keywords::destroy)
                .get("/api/v2/filters/{id}/statuses", filterStatuses::index)
                .post("/api/v2/filters/{id}/statuses", filterStatuses::create)
                .get("/api/v2/filters/statuses/{id}", filterStatuses::show)
                .delete("/api/v2/filters/statuses/{id}", filterStatuses::destroy)
                .get("/api/v1/filters", filtersV1::index)
                .post("/api/v1/filters", filtersV1::create)
                .get("/api/v1/filters/{id}", filtersV1::show)
                .update("/api/v1/filters/{id}", filtersV1::update)
                .delete("/api/v1/filters/{id}", filtersV1::destroy)
                .get("/api/v1/directory", directory::handle)
                .get("/api/v2/search", search::handle)
                .get("/api/v1/trends", empty::publicList)
                .get("/api/v1/trends/tags", empty::publicList)
                .get("/api/v1/trends/statuses", empty::publicList)
                .get("/api/v1/trends/links", empty::publicList)
                .get("/api/v1/custom_emojis", empty::publicList)
                .get("/api/v1/announcements", empty::announcements)
                .post("/api/v1/announcements/{id}/dismiss", empty::dismissAnnouncement);
    }

    @Override
    public void jobs(JobRunner jobs) {
        jobs.register(StatusJobs.CLOSE_POLL, statuses.closePoll()::handle);
        jobs.register(StatusEditNotifier.JOB, statuses.editNotifier()::handle);
    }
}
