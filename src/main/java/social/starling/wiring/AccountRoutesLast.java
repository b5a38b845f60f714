package social.starling.wiring;

import social.starling.App;
import social.starling.api.mastodon.v1.accounts.AccountsHandler;

/**
 * {@code GET /api/v1/accounts/:id}, registered after every module: Javalin matches routes in the order they are
 * registered, and the literal paths under /api/v1/accounts/ (relationships, lookup, search, familiar_followers, ...)
 * must win over the id.
 */
public final class AccountRoutesLast implements Module {
    @Override
    public void install(App app, Wiring wiring) {
        var accounts = new AccountsHandler(app.apiAuth, app.accountQueries, app.accountApi, app.json);
        wiring.routes(r -> r.get("/api/v1/accounts/{id}", accounts::show));
    }
}
