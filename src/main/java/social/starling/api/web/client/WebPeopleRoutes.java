package social.starling.api.web.client;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import social.starling.api.Paging;
import social.starling.api.RouteTable;
import social.starling.api.Routes;
import social.starling.api.web.WebKit;
import social.starling.convert.AccountApiMapper;
import social.starling.convert.ListApiMapper;
import social.starling.convert.RelationshipApiMapper;
import social.starling.convert.StatusApiMapper;
import social.starling.convert.entity.StatusEntity;
import social.starling.errors.NotFoundException;
import social.starling.model.Account;
import social.starling.model.Page;
import social.starling.model.UserList;
import social.starling.service.account.AccountQueryService;
import social.starling.service.account.ResolveAccountService;
import social.starling.service.follow.BlockService;
import social.starling.service.follow.FollowService;
import social.starling.service.follow.GraphQueryService;
import social.starling.service.follow.MuteService;
import social.starling.service.follow.RelationshipService;
import social.starling.service.list.ListService;
import social.starling.service.security.SessionService.WebUser;
import social.starling.service.timeline.AccountStatusesService;

/**
 * People in the web client: profiles at {@code /web/@acct} (posts, followers, following), the relationship actions
 * (follow, unfollow or cancel the request, block, mute and their undoing) and the member's follow requests. Each page
 * and action calls the same service as the Mastodon API endpoint it mirrors: accounts/lookup (resolving remote
 * handles for members), accounts/:id/statuses, accounts/:id/followers|following, accounts/relationships,
 * accounts/:id/follow|unfollow|block|unblock|mute|unmute, accounts/:id/lists and follow_requests. Without JavaScript an action goes
 * back ({@code return_to}); with htmx it answers the relationship box again, to be swapped in place.
 */
public final class WebPeopleRoutes implements Routes {
    static final int PAGE_SIZE = 20;
    static final int PEOPLE_PAGE_SIZE = 40;

    private final ClientArea area;
    private final ResolveAccountService resolver;
    private final AccountQueryService accounts;
    private final AccountStatusesService accountStatuses;
    private final GraphQueryService graph;
    private final FollowService follows;
    private final BlockService blocks;
    private final MuteService mutes;
    private final RelationshipService relationships;
    private final AccountApiMapper accountApi;
    private final StatusApiMapper statusApi;
    private final RelationshipApiMapper relationshipApi;
    private final ListService lists;
    private final ListApiMapper listApi;

    public WebPeopleRoutes(ClientArea area, ResolveAccountService resolver, AccountQueryService accounts,
                           AccountStatusesService accountStatuses, GraphQueryService graph, FollowService follows,
                           BlockService blocks, MuteService mutes, RelationshipService relationships,
                           AccountApiMapper accountApi, StatusApiMapper statusApi,
                           RelationshipApiMapper relationshipApi, ListService lists, ListApiMapper listApi) {
        this.area = area;
        this.resolver = resolver;
        this.accounts = accounts;
        this.accountStatuses = accountStatuses;
        this.graph = graph;
        this.follows = follows;
        this.blocks = blocks;
        this.mutes = mutes;
        this.relationships = relationships;
        this.accountApi = accountApi;
        this.statusApi = statusApi;
        this.relationshipApi = relationshipApi;
        this.lists = lists;
        this.listApi = listApi;
    }

    @Override
    public void register(RouteTable table) {
        var r = table.web();
        r.get("/web/@{acct}", area.page(ctx -> profile(ctx, "posts")));
        r.get("/web/@{acct}/followers", area.page(ctx -> profile(ctx, "followers")));
        r.get("/web/@{acct}/following", area.page(ctx -> profile(ctx, "following")));
        r.post("/web/accounts/{id}/follow", area.form(ctx -> act(ctx, (me, id) -> follows.follow(me, id,
                new FollowService.Options(null, null, null)))));
        r.post("/web/accounts/{id}/unfollow", area.form(ctx -> act(ctx, follows::unfollow)));
        r.post("/web/accounts/{id}/block", area.form(ctx -> act(ctx, blocks::block)));
        r.post("/web/accounts/{id}/unblock", area.form(ctx -> act(ctx, blocks::unblock)));
        r.post("/web/accounts/{id}/mute", area.form(ctx -> act(ctx, (me, id) -> mutes.mute(me, id, true, null))));
        r.post("/web/accounts/{id}/unmute", area.form(ctx -> act(ctx, mutes::unmute)));
        r.get("/web/follow_requests", area.page(this::followRequests));
        r.post("/web/follow_requests/{id}/authorize", area.form(ctx -> answerRequest(ctx, true)));
        r.post("/web/follow_requests/{id}/reject", area.form(ctx -> answerRequest(ctx, false)));
    }

    private void profile(Context ctx, String tab) {
        WebUser member = area.member(ctx);
        if (member == null) {
            return;
        }
        long me = member.account().id();
        // As GET /api/v1/accounts/lookup for a member: a handle this server does not know yet is resolved.
        Account account = resolver.resolve(ctx.pathParam("acct"))
                .orElseThrow(() -> new NotFoundException("Record not found"));
        boolean self = account.id() == me;
        var nav = area.nav(ctx, self ? ClientNav.Section.PROFILE : ClientNav.Section.NONE, member);
        var entity = accountApi.toApi(account);
        var relationship = self ? null : relationshipApi.toApi(relationships.of(me, account.id()));
        String base = "/web/@" + entity.acct();
        List<ProfilePage.ListChoice> choices = relationship != null && relationship.following()
                ? listChoices(me, account.id()) : List.of();
        if (tab.equals("posts")) {
            Page page = Paging.page(ctx, PAGE_SIZE, PAGE_SIZE);
            var result = accountStatuses.statuses(account.id(), me,
                    new AccountStatusesService.Options(false, false, false, false, null), page);
            // As Mastodon's web profile: the pinned posts (accounts/:id/statuses?pinned=true) above the first page.
            var pinned = page.maxId().isPresent() || page.lowerBound().isPresent() ? List.<StatusEntity>of()
                    : statusApi.toApi(accountStatuses.statuses(account.id(), me,
                    new AccountStatusesService.Options(true, false, false, false, null), Page.first(PAGE_SIZE))
                    .statuses());
            String older = result.pageIds().size() < PAGE_SIZE ? null
                    : base + "?max_id=" + result.pageIds().getLast();
            area.render(ctx, "profile.jte", title(entity), new ProfilePage(nav, entity, relationship, tab,
                    pathWithQuery(ctx), pinned, statusApi.toApi(result.statuses()), List.of(), older, choices));
            return;
        }
        Page page = Paging.page(ctx, PEOPLE_PAGE_SIZE, PEOPLE_PAGE_SIZE);
        List<GraphQueryService.Entry> entries = tab.equals("followers") ? graph.followers(account.id(), me, page)
                : graph.following(account.id(), me, page);
        String older = entries.size() < PEOPLE_PAGE_SIZE ? null
                : base + "/" + tab + "?max_id=" + entries.getLast().pagingId();
        area.render(ctx, "profile.jte", title(entity), new ProfilePage(nav, entity, relationship, tab,
                pathWithQuery(ctx), List.of(), List.of(), rows(me, entries.stream()
                .map(GraphQueryService.Entry::account).toList()), older, choices));
    }

    /** The member's lists, each marked when it holds the account (GET /api/v1/accounts/:id/lists). */
    private List<ProfilePage.ListChoice> listChoices(long me, long accountId) {
        var in = lists.containing(me, accountId).stream().map(UserList::id).toList();
        return lists.all(me).stream().map(l -> new ProfilePage.ListChoice(listApi.toApi(l), in.contains(l.id())))
                .toList();
    }

    /** The member's relationship with each account (none with themself), as GET /api/v1/accounts/relationships. */
    List<PersonRow> rows(long me, List<Account> found) {
        var byId = new HashMap<Long, social.starling.convert.entity.RelationshipEntity>();
        relationshipApi.toApi(relationships.of(me, found.stream().map(Account::id).filter(id -> id != me)
                .toList())).forEach(r -> byId.put(Long.parseLong(r.id()), r));
        return found.stream().map(a -> new PersonRow(accountApi.toApi(a), byId.get(a.id()))).toList();
    }

    private interface Action {
        void apply(long memberId, long targetId);
    }

    private void act(Context ctx, Action action) {
        WebUser member = area.member(ctx);
        if (member == null) {
            return;
        }
        long me = member.account().id();
        long target = WebClientRoutes.pathId(ctx);
        action.apply(me, target);
        if (ClientArea.htmx(ctx)) {
            String returnTo = ctx.formParam("return_to");
            var params = new HashMap<String, Object>();
            params.put("account", accountApi.toApi(accounts.require(target)));
            params.put("rel", relationshipApi.toApi(relationships.of(me, target)));
            params.put("csrf", area.kit().csrf(ctx));
            params.put("returnTo", returnTo != null && WebKit.safePath(returnTo) ? returnTo : "/web/home");
            params.put("compact", "compact".equals(ctx.formParam("box")));
            area.kit().fragment(ctx, "client/profile_relationship.jte", params);
            return;
        }
        ClientArea.back(ctx, "/web/home");
    }

    private void followRequests(Context ctx) {
        WebUser member = area.member(ctx);
        if (member == null) {
            return;
        }
        Page page = Paging.page(ctx, PEOPLE_PAGE_SIZE, PEOPLE_PAGE_SIZE);
        var entries = graph.followRequests(member.account().id(), page);
        String older = entries.size() < PEOPLE_PAGE_SIZE ? null
                : "/web/follow_requests?max_id=" + entries.getLast().pagingId();
        area.render(ctx, "follow_requests.jte", "Follow requests", new FollowRequestsPage(
                area.nav(ctx, ClientNav.Section.FOLLOW_REQUESTS, member),
                entries.stream().map(e -> accountApi.toApi(e.account())).toList(), older));
    }

    private void answerRequest(Context ctx, boolean accept) {
        WebUser member = area.member(ctx);
        if (member == null) {
            return;
        }
        long requester = WebClientRoutes.pathId(ctx);
        if (accept) {
            follows.authorize(member.account().id(), requester);
        } else {
            follows.reject(member.account().id(), requester);
        }
        if (ClientArea.htmx(ctx)) {
            var params = new HashMap<String, Object>();
            params.put("account", accountApi.toApi(accounts.require(requester)));
            params.put("accepted", accept);
            area.kit().fragment(ctx, "client/follow_requests_answered.jte", params);
            return;
        }
        ClientArea.back(ctx, "/web/follow_requests");
    }

    private static String title(social.starling.convert.entity.AccountEntity a) {
        return (a.displayName().isBlank() ? a.username() : a.displayName()) + " (@" + a.acct() + ")";
    }

    /** This page's path with its query (paging), for the forms on it to come back to. */
    static String pathWithQuery(Context ctx) {
        String query = ctx.queryString();
        return ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query);
    }
}
