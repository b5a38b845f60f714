package social.starling.api.web.client;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import social.starling.api.Paging;
import social.starling.api.RouteTable;
import social.starling.api.Routes;
import social.starling.convert.AccountApiMapper;
import social.starling.convert.ListApiMapper;
import social.starling.convert.StatusApiMapper;
import social.starling.model.Account;
import social.starling.model.Page;
import social.starling.service.account.AccountQueryService;
import social.starling.service.follow.GraphQueryService;
import social.starling.service.list.ListMembersService;
import social.starling.service.list.ListService;
import social.starling.service.security.SessionService.WebUser;
import social.starling.service.timeline.ListTimelineService;

/**
 * The member's lists in the web client: {@code /web/lists} (create, rename, change the replies policy, delete after
 * a confirmation), a list's timeline {@code /web/lists/{id}} and its members {@code /web/lists/{id}/members} (remove;
 * add an account the member follows, found as accounts/search?following=true finds it). Each calls the
 * service behind the API's lists, lists/:id/accounts and timelines/list/:id.
 */
public final class WebListsRoutes implements Routes {
    static final int PAGE_SIZE = 20;
    static final int CANDIDATES = 40;

    private final ClientArea area;
    private final ListService lists;
    private final ListMembersService members;
    private final ListTimelineService timeline;
    private final AccountQueryService accounts;
    private final GraphQueryService graph;
    private final ListApiMapper listApi;
    private final AccountApiMapper accountApi;
    private final StatusApiMapper statusApi;

    public WebListsRoutes(ClientArea area, ListService lists, ListMembersService members,
                          ListTimelineService timeline, AccountQueryService accounts, GraphQueryService graph,
                          ListApiMapper listApi, AccountApiMapper accountApi,
                          StatusApiMapper statusApi) {
        this.area = area;
        this.lists = lists;
        this.members = members;
        this.timeline = timeline;
        this.accounts = accounts;
        this.graph = graph;
        this.listApi = listApi;
        this.accountApi = accountApi;
        this.statusApi = statusApi;
    }

    @Override
    public void register(RouteTable table) {
        var r = table.web();
        r.get("/web/lists", area.page(this::index));
        r.post("/web/lists", area.form(this::create));
        r.get("/web/lists/{id}", area.page(this::show));
        r.post("/web/lists/{id}", area.form(this::update));
        r.get("/web/lists/{id}/delete", area.page(this::confirmDelete));
        r.post("/web/lists/{id}/delete", area.form(this::delete));
        r.get("/web/lists/{id}/members", area.page(this::members));
        r.post("/web/lists/{id}/members", area.form(ctx -> changeMembers(ctx, true)));
        r.post("/web/lists/{id}/members/remove", area.form(ctx -> changeMembers(ctx, false)));
    }

    private void index(Context ctx) {
        WebUser member = area.member(ctx);
        if (member == null) {
            return;
        }
        area.render(ctx, "lists.jte", "Lists", new ListsPage.Index(nav(ctx, member),
                listApi.toApi(lists.all(member.account().id()))));
    }

    private void create(Context ctx) {
        WebUser member = area.member(ctx);
        if (member == null) {
            return;
        }
        var list = lists.create(member.account().id(), changes(ctx));
        ctx.redirect("/web/lists/" + list.id() + "/members", HttpStatus.SEE_OTHER);
    }

    private void update(Context ctx) {
        WebUser member = area.member(ctx);
        if (member == null) {
            return;
        }
        lists.update(member.account().id(), WebClientRoutes.pathId(ctx), changes(ctx));
        ClientArea.back(ctx, "/web/lists");
    }

    private void confirmDelete(Context ctx) {
        WebUser member = area.member(ctx);
        if (member == null) {
            return;
        }
        var list = listApi.toApi(lists.require(member.account().id(), WebClientRoutes.pathId(ctx)));
        area.render(ctx, "list_delete.jte", "Delete " + list.title(), new ListsPage.Delete(nav(ctx, member), list));
    }

    private void delete(Context ctx) {
        WebUser member = area.member(ctx);
        if (member == null) {
            return;
        }
        lists.delete(member.account().id(), WebClientRoutes.pathId(ctx));
        ctx.redirect("/web/lists", HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx) {
        WebUser member = area.member(ctx);
        if (member == null) {
            return;
        }
        long me = member.account().id();
        long id = WebClientRoutes.pathId(ctx);
        var list = listApi.toApi(lists.require(me, id));
        var page = timeline.timeline(me, id, Paging.page(ctx, PAGE_SIZE, PAGE_SIZE));
        String older = page.pagingIds().size() < PAGE_SIZE ? null
                : "/web/lists/" + id + "?max_id=" + page.pagingIds().getLast();
        area.render(ctx, "list_timeline.jte", list.title(), new ListsPage.Timeline(nav(ctx, member), list,
                WebPeopleRoutes.pathWithQuery(ctx), statusApi.toApi(page.statuses()), older));
    }

    private void members(Context ctx) {
        WebUser member = area.member(ctx);
        if (member == null) {
            return;
        }
        long me = member.account().id();
        long id = WebClientRoutes.pathId(ctx);
        var list = listApi.toApi(lists.require(me, id));
        List<Account> in = members.members(me, id, null);
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        // as GET /api/v1/accounts/search?following=true finds them; with no query, the accounts the member follows
        // most recently.
        List<Account> found = q.isEmpty()
                ? graph.following(me, me, Page.first(CANDIDATES)).stream().map(GraphQueryService.Entry::account)
                .toList()
                : accounts.searchFollowed(me, q, CANDIDATES, 0);
        var inIds = in.stream().map(Account::id).toList();
        area.render(ctx, "list_members.jte", list.title() + ": members", new ListsPage.Members(nav(ctx, member),
                list, in.stream().map(accountApi::toApi).toList(), q,
                found.stream().filter(a -> !inIds.contains(a.id())).map(accountApi::toApi).toList()));
    }

    private void changeMembers(Context ctx, boolean add) {
        WebUser member = area.member(ctx);
        if (member == null) {
            return;
        }
        long id = WebClientRoutes.pathId(ctx);
        Long account = WebClientRoutes.longParam(ctx, "account_id");
        if (account == null) {
            throw new social.starling.errors.UnprocessableException("account_id is missing");
        }
        if (add) {
            members.add(member.account().id(), id, List.of(account));
        } else {
            members.remove(member.account().id(), id, List.of(account));
        }
        ClientArea.back(ctx, "/web/lists/" + id + "/members");
    }

    private ClientNav nav(Context ctx, WebUser member) {
        return area.nav(ctx, ClientNav.Section.LISTS, member);
    }

    private static ListService.Changes changes(Context ctx) {
        String title = ctx.formParam("title");
        String policy = WebClientRoutes.blankToNull(ctx.formParam("replies_policy"));
        return new ListService.Changes(title == null ? "" : title.strip(), policy,
                "on".equals(ctx.formParam("exclusive")) || "true".equals(ctx.formParam("exclusive")));
    }
}
