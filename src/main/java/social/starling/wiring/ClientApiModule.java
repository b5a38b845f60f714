package social.starling.wiring;

import social.starling.App;
import social.starling.api.ClientApiRoutes;
import social.starling.api.mastodon.v1.accounts.AccountsHandler;
import social.starling.api.mastodon.v1.accounts.CredentialsHandler;
import social.starling.api.mastodon.v1.accounts.PreferencesHandler;
import social.starling.api.mastodon.v1.accounts.RegistrationHandler;
import social.starling.api.mastodon.v1.apps.AppsHandler;
import social.starling.api.oauth.RevokeHandler;
import social.starling.api.oauth.ServerMetadataHandler;
import social.starling.api.oauth.TokenHandler;
import social.starling.api.oauth.UserInfoHandler;
import social.starling.convert.ApplicationApiMapper;

/** OAuth, apps, registration and the account endpoints. */
public final class ClientApiModule implements Module {
    @Override
    public void install(App app, Wiring wiring) {
        var auth = app.apiAuth;
        wiring.routes(new ClientApiRoutes(
                new TokenHandler(app.tokens, app.json),
                new RevokeHandler(app.tokens, app.json),
                new ServerMetadataHandler(app.baseUrl),
                new UserInfoHandler(auth, app.accountApi, app.baseUrl),
                new AppsHandler(app.registerApplication, app.tokens, auth, new ApplicationApiMapper(), app.json),
                new RegistrationHandler(auth, app.register, app.tokens, app.json),
                new CredentialsHandler(auth, app.accountQueries, app.updateCredentials, app.accountApi, app.json),
                new AccountsHandler(auth, app.accountQueries, app.accountApi, app.json),
                new PreferencesHandler(auth, app.accountQueries)));
    }
}
