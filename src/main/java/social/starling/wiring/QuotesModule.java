package social.starling.wiring;

import social.starling.api.RouteTable;
import social.starling.api.mastodon.v1.statuses.QuotesHandler;
import social.starling.service.status.QuoteService;

/** Quote posts (Mastodon 4.5): a status's quotes, revoking one, and a status's quote policy. */
public final class QuotesModule implements Module {
    private final QuotesHandler quotes;

    public QuotesModule(Core core, Repositories repos, StatusComponents statuses, Edges edges) {
        var service = new QuoteService(core.db(), repos.quotes(), statuses.views(), statuses.outbox(),
                core.clock());
        this.quotes = new QuotesHandler(edges.auth(), service, edges.statusApi(), edges.json(), edges.baseUrl());
    }

    @Override
    public void routes(RouteTable routes) {
        routes.mastodonApi()
                .get("/api/v1/statuses/{id}/quotes", quotes::index)
                .post("/api/v1/statuses/{id}/quotes/{quoting_status_id}/revoke", quotes::revoke)
                .update("/api/v1/statuses/{id}/interaction_policy", quotes::interactionPolicy);
    }
}
