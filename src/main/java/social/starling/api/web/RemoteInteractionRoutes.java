package social.starling.api.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import social.starling.api.RouteTable;
import social.starling.api.Routes;
import social.starling.config.Config;
import social.starling.convert.AccountApiMapper;
import social.starling.errors.NotFoundException;
import social.starling.errors.UnprocessableException;
import social.starling.model.Account;
import social.starling.model.view.Relationship;
import social.starling.model.view.StatusView;
import social.starling.service.account.AccountQueryService;
import social.starling.service.account.RemoteInteractionService;
import social.starling.service.account.ResolveAccountService;
import social.starling.service.follow.FollowService;
import social.starling.service.follow.RelationshipService;
import social.starling.service.instance.InstanceService;
import social.starling.service.moderation.DomainModerationService;
import social.starling.service.status.ResolveStatusService;

/**
 * The front door and remote interaction, both ways:
 * <ul>
 *   <li>{@code GET /} and {@code /about}: the landing page ({@link AboutHandler}) with the latest public posts of
 *       local members, through the same service as the local public timeline;</li>
 *   <li>{@code POST /remote_interaction} (a visitor from another server, on a profile or post page): their handle
 *       → their server's subscribe template (WebFinger) → 303 there, with our object's id as {@code {uri}};</li>
 *   <li>{@code GET /authorize_interaction?uri=} (a member sent here by another server's page): the account or post
 *       named by {@code uri}, resolved as {@code GET /api/v2/search?resolve=true} resolves it; an account is shown
 *       with a Follow button ({@code POST /authorize_interaction/follow}, the API's follow), a post opens in the
 *       web client.</li>
 * </ul>
 */
public final class RemoteInteractionRoutes implements Routes {
    /** How many posts the front door shows. */
    public static final int FRONT_DOOR_POSTS = 5;

    private final WebKit web;
    private final AboutHandler about;
    private final RemoteInteractionService remoteInteraction;
    private final ResolveAccountService accounts;
    private final ResolveStatusService statuses;
    private final AccountQueryService accountQueries;
    private final FollowService follows;
    private final RelationshipService relationships;
    private final AccountApiMapper accountApi;

    public RemoteInteractionRoutes(WebKit web, Config config, InstanceService instance,
                                   DomainModerationService domains, Supplier<List<StatusView>> recentPublicPosts,
                                   StatusCards cards, RemoteInteractionService remoteInteraction,
                                   ResolveAccountService accounts, ResolveStatusService statuses,
                                   AccountQueryService accountQueries, FollowService follows,
                                   RelationshipService relationships, AccountApiMapper accountApi) {
        this.web = web;
        this.about = new AboutHandler(instance, web, config.instance().showDomainBlocks(), domains,
                () -> cards.cards(recentPublicPosts.get()).stream().limit(FRONT_DOOR_POSTS).toList());
        this.remoteInteraction = remoteInteraction;
        this.accounts = accounts;
        this.statuses = statuses;
        this.accountQueries = accountQueries;
        this.follows = follows;
        this.relationships = relationships;
        this.accountApi = accountApi;
    }

    @Override
    public void register(RouteTable table) {
        var r = table.web();
        r.get("/", web.page(about::about));
        r.get("/about", web.page(about::about));
        r.post("/remote_interaction", web.form(this::interact));
        r.get("/authorize_interaction", web.page(this::authorize));
        r.post("/authorize_interaction/follow", web.form(this::follow));
    }

    /** A visitor's "interact from your server": off to their server, or a 422 page saying why not. */
    private void interact(Context ctx) {
        String target = remoteInteraction.redirect(ctx.formParam("acct"), ctx.formParam("uri"), ctx.ip());
        ctx.redirect(target, HttpStatus.SEE_OTHER);
    }

    private void authorize(Context ctx) {
        var member = web.member(ctx);
        if (member == null) {
            return;
        }
        long viewer = member.account().id();
        String uri = Optional.ofNullable(ctx.queryParam("uri")).map(String::strip).orElse("");
        if (uri.isEmpty()) {
            throw new NotFoundException("There is nothing to show: the link names no account or post.");
        }
        Optional<StatusView> status = statuses.resolveQuery(uri, viewer);
        if (status.isPresent()) {
            ctx.redirect("/web/statuses/" + status.get().status().id());
            return;
        }
        Account account = accounts.resolveQuery(uri).filter(a -> !a.suspended())
                .orElseThrow(() -> new NotFoundException("We could not find " + uri
                        + ". It may have been deleted, or its server may be unreachable."));
        Relationship rel = relationships.of(viewer, account.id());
        web.render(ctx, 200, "authorize_interaction.jte", "Follow " + account.acct(),
                new AuthorizeInteractionPage(accountApi.toApi(account), account.id() == viewer, rel.following(),
                        rel.requested(), webPath(account)));
    }

    /** Follows as {@code POST /api/v1/accounts/:id/follow} does, then opens the account in the web client. */
    private void follow(Context ctx) {
        var member = web.member(ctx);
        if (member == null) {
            return;
        }
        long id;
        try {
            id = Long.parseLong(Optional.ofNullable(ctx.formParam("account_id")).orElse("").strip());
        } catch (NumberFormatException e) {
            throw new UnprocessableException("account_id is not a valid id");
        }
        Account target = accountQueries.require(id);
        follows.follow(member.account().id(), target.id(), FollowService.Options.DEFAULT);
        ctx.redirect(webPath(target), HttpStatus.SEE_OTHER);
    }

    /** The account's profile in the web client. */
    static String webPath(Account a) {
        return "/web/@" + a.acct();
    }
}
