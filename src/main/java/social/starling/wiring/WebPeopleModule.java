package social.starling.wiring;

import social.starling.api.RouteTable;
import social.starling.api.web.WebKit;
import social.starling.api.web.client.ClientArea;
import social.starling.api.web.client.WebListsRoutes;
import social.starling.api.web.client.WebPeopleRoutes;
import social.starling.api.web.client.WebSearchRoutes;
import social.starling.convert.ListApiMapper;
import social.starling.convert.RelationshipApiMapper;

/** The web client's people side under /web: profiles and relationship actions, follow requests, search, lists. */
public final class WebPeopleModule implements Module {
    private final WebPeopleRoutes people;
    private final WebSearchRoutes search;
    private final WebListsRoutes lists;

    public WebPeopleModule(Core core, AccountComponents accounts, StatusComponents statuses, GraphComponents graph,
                           RemoteAccountComponents remoteAccounts, RemoteNoteComponents remoteNotes, Edges edges) {
        var area = new ClientArea(WebKit.create(core.config(), accounts.instance(), accounts.sessions()));
        this.people = new WebPeopleRoutes(area, remoteAccounts.resolve(), accounts.queries(),
                statuses.accountStatuses(), graph.queries(), graph.follows(), graph.blocks(), graph.mutes(),
                graph.relationships(), edges.accountApi(), edges.statusApi(), new RelationshipApiMapper(),
                graph.lists(), new ListApiMapper());
        this.search = new WebSearchRoutes(area, people, accounts.queries(), remoteAccounts.resolve(),
                remoteNotes.resolveStatus(), graph.discovery(), edges.statusApi(), edges.baseUrl());
        this.lists = new WebListsRoutes(area, graph.lists(), graph.listMembers(), graph.listTimeline(),
                accounts.queries(), graph.queries(), new ListApiMapper(), edges.accountApi(),
                edges.statusApi());
    }

    @Override
    public void routes(RouteTable routes) {
        people.register(routes);
        search.register(routes);
        lists.register(routes);
    }
}
