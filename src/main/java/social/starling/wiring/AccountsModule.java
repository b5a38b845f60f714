package social.starling.wiring;

import java.time.Duration;
import social.starling.api.RouteTable;
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
import social.starling.jobs.JobRunner;
import social.starling.service.account.GenerateAccountKeysService;
import social.starling.service.account.RefreshRemoteAccountService;
import social.starling.service.mail.SendMailService;

/** OAuth, apps, registration, the account endpoints; account keys, mail and the expiry of grants. */
public final class AccountsModule implements Module {
    private final Core core;
    private final Repositories repos;
    private final AccountComponents accounts;
    private final RemoteAccountComponents remote;
    private final TokenHandler token;
    private final RevokeHandler revoke;
    private final ServerMetadataHandler metadata;
    private final UserInfoHandler userInfo;
    private final AppsHandler apps;
    private final RegistrationHandler registration;
    private final CredentialsHandler credentials;
    private final AccountsHandler accountsApi;
    private final PreferencesHandler preferences;

    public AccountsModule(Core core, Repositories repos, AccountComponents accounts, RemoteAccountComponents remote,
                          Edges edges) {
        this.remote = remote;
        this.core = core;
        this.repos = repos;
        this.accounts = accounts;
        var auth = edges.auth();
        this.token = new TokenHandler(accounts.tokens(), core.json());
        this.revoke = new RevokeHandler(accounts.tokens(), core.json());
        this.metadata = new ServerMetadataHandler(core.baseUrl());
        this.userInfo = new UserInfoHandler(auth, edges.accountApi(), core.baseUrl());
        this.apps = new AppsHandler(accounts.registerApplication(), accounts.tokens(), auth,
                new ApplicationApiMapper(), core.json());
        this.registration = new RegistrationHandler(auth, accounts.register(), accounts.tokens(), core.json());
        this.credentials = new CredentialsHandler(auth, accounts.queries(), accounts.updateCredentials(),
                edges.accountApi(), core.json());
        this.accountsApi = new AccountsHandler(auth, accounts.queries(), remote.resolve(), remote.refresh(),
                edges.accountApi(), core.json());
        this.preferences = new PreferencesHandler(auth, accounts.queries());
    }

    @Override
    public void routes(RouteTable routes) {
        routes.mastodonApi()
                .post("/oauth/token", token)
                .post("/oauth/revoke", revoke)
                .get("/.well-known/oauth-authorization-server", metadata)
                .get("/oauth/userinfo", userInfo)
                .post("/oauth/userinfo", userInfo)
                .post("/api/v1/apps", apps::create)
                .get("/api/v1/apps/verify_credentials", apps::verifyCredentials)
                .post("/api/v1/accounts", registration::handle)
                .get("/api/v1/accounts/verify_credentials", credentials::verify)
                .update("/api/v1/accounts/update_credentials", credentials::update)
                .get("/api/v1/accounts/lookup", accountsApi::lookup)
                .get("/api/v1/accounts/search", accountsApi::search)
                .get("/api/v1/accounts", accountsApi::index)
                .get("/api/v1/accounts/{id}", accountsApi::show)
                .get("/api/v1/preferences", preferences::handle);
    }

    @Override
    public void jobs(JobRunner jobs) {
        jobs.register(GenerateAccountKeysService.JOB, accounts.generateKeys()::handle);
        jobs.register(SendMailService.JOB, accounts.sendMail()::handle);
        jobs.register(RefreshRemoteAccountService.JOB, remote.refresh()::handle);
        jobs.every("oauth.cleanup", Duration.ofHours(1), () -> core.db().inTransaction(tx -> {
            var now = core.clock().instant();
            repos.oauth().deleteExpiredGrants(tx, now.minus(Duration.ofDays(1)));
            repos.userTokens().deleteExpired(tx, now.minus(Duration.ofDays(7)));
            repos.idempotency().deleteBefore(tx, now.minus(Duration.ofHours(1)));
            return repos.webSessions().deleteExpired(tx, now);
        }));
    }
}
