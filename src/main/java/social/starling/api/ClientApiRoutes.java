package social.starling.api;

import io.javalin.router.JavalinDefaultRoutingApi;
import social.starling.api.mastodon.v1.accounts.AccountsHandler;
import social.starling.api.mastodon.v1.accounts.CredentialsHandler;
import social.starling.api.mastodon.v1.accounts.PreferencesHandler;
import social.starling.api.mastodon.v1.accounts.RegistrationHandler;
import social.starling.api.mastodon.v1.apps.AppsHandler;
import social.starling.api.oauth.RevokeHandler;
import social.starling.api.oauth.ServerMetadataHandler;
import social.starling.api.oauth.TokenHandler;
import social.starling.api.oauth.UserInfoHandler;

/** OAuth endpoints, apps and accounts: what a client needs before it can post. */
public final class ClientApiRoutes implements Routes {
    private final TokenHandler token;
    private final RevokeHandler revoke;
    private final ServerMetadataHandler metadata;
    private final UserInfoHandler userInfo;
    private final AppsHandler apps;
    private final RegistrationHandler registration;
    private final CredentialsHandler credentials;
    private final AccountsHandler accounts;
    private final PreferencesHandler preferences;

    public ClientApiRoutes(TokenHandler token, RevokeHandler revoke, ServerMetadataHandler metadata,
                           UserInfoHandler userInfo, AppsHandler apps, RegistrationHandler registration,
                           CredentialsHandler credentials, AccountsHandler accounts, PreferencesHandler preferences) {
        this.token = token;
        this.revoke = revoke;
        this.metadata = metadata;
        this.userInfo = userInfo;
        this.apps = apps;
        this.registration = registration;
        this.credentials = credentials;
        this.accounts = accounts;
        this.preferences = preferences;
    }

    @Override
    public void register(JavalinDefaultRoutingApi r) {
        r.post("/oauth/token", token);
        r.post("/oauth/revoke", revoke);
        r.get("/.well-known/oauth-authorization-server", metadata);
        r.get("/oauth/userinfo", userInfo);
        r.post("/oauth/userinfo", userInfo);

        r.post("/api/v1/apps", apps::create);
        r.get("/api/v1/apps/verify_credentials", apps::verifyCredentials);

        r.post("/api/v1/accounts", registration::handle);
        r.get("/api/v1/accounts/verify_credentials", credentials::verify);
        r.patch("/api/v1/accounts/update_credentials", credentials::update);
        r.put("/api/v1/accounts/update_credentials", credentials::update);
        r.get("/api/v1/accounts/lookup", accounts::lookup);
        r.get("/api/v1/accounts/search", accounts::search);
        r.get("/api/v1/accounts", accounts::index);
        r.get("/api/v1/preferences", preferences::handle);
    }
}
