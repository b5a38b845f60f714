package social.starling.wiring;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import social.starling.api.RouteTable;
import social.starling.api.web.RemoteInteractionRoutes;
import social.starling.api.web.StatusCards;
import social.starling.api.web.WebKit;
import social.starling.federation.SubscribeTemplates;
import social.starling.model.Page;
import social.starling.model.view.StatusView;
import social.starling.service.account.RemoteInteractionService;
import social.starling.service.security.Throttle;
import social.starling.service.timeline.PublicTimelineService;

/**
 * The front door ({@code /}, {@code /about}: the landing page with the latest local public posts) and remote
 * interaction both ways: visitors from other servers sent home to follow or answer from there, and members sent
 * here by other servers' pages ({@code /authorize_interaction}). See {@link RemoteInteractionRoutes}.
 */
public final class RemoteInteractionModule implements Module {
    private final RemoteInteractionRoutes routes;

    public RemoteInteractionModule(Core core, AccountComponents accounts, StatusComponents statuses,
                                   GraphComponents graph, ModerationComponents moderation,
                                   RemoteAccountComponents remote, RemoteNoteComponents notes, Edges edges) {
        var web = WebKit.create(core.config(), accounts.instance(), accounts.sessions());
        var timeline = statuses.publicTimeline();
        // Visitors' view (no viewer): public posts of local members, no limited or suspended author.
        Supplier<List<StatusView>> recent = () -> timeline.timeline(null, PublicTimelineService.Scope.LOCAL, false,
                        Page.first(RemoteInteractionRoutes.FRONT_DOOR_POSTS));
        this.routes = new RemoteInteractionRoutes(web, core.config(), accounts.instance(), moderation.domains(),
                recent, new StatusCards(core.uris(), edges.statusApi().media(), core.domain()),
                new RemoteInteractionService(new SubscribeTemplates(remote.webFinger()),
                        new Throttle("remote-interaction-per-ip", 20, Duration.ofMinutes(5), core.clock()),
                        core.domain(), core.baseUrl()),
                remote.resolve(), notes.resolveStatus(), accounts.queries(), graph.follows(),
                graph.relationships(), edges.accountApi());
    }

    @Override
    public void routes(RouteTable table) {
        routes.register(table);
    }
}
