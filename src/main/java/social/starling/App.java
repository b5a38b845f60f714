package social.starling;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import social.starling.api.Admission;
import social.starling.api.HttpServer;
import social.starling.api.PublicRoutes;
import social.starling.api.mastodon.v1.instance.ActivityHandler;
import social.starling.api.mastodon.v1.instance.InstanceV1Handler;
import social.starling.api.mastodon.v1.instance.PageHandler;
import social.starling.api.mastodon.v1.instance.PeersHandler;
import social.starling.api.mastodon.v1.instance.RulesHandler;
import social.starling.api.mastodon.v2.InstanceHandler;
import social.starling.api.ops.HealthHandler;
import social.starling.api.ops.MetricsHandler;
import social.starling.api.wellknown.HostMetaHandler;
import social.starling.api.wellknown.NodeInfoHandler;
import social.starling.config.Config;
import social.starling.convert.AccountApiMapper;
import social.starling.convert.InstanceApiMapper;
import social.starling.convert.NodeInfoMapper;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.InstanceSettingsRepository;
import social.starling.db.JobRepository;
import social.starling.db.RuleRepository;
import social.starling.db.UserRepository;
import social.starling.jobs.JobMetrics;
import social.starling.jobs.JobQueue;
import social.starling.jobs.JobRunner;
import social.starling.jobs.LaneSignals;
import social.starling.model.IdGenerator;
import social.starling.model.LocalUris;
import social.starling.service.account.BootstrapOwnerService;
import social.starling.service.account.CreateLocalAccountService;
import social.starling.service.account.GenerateAccountKeysService;
import social.starling.service.account.PasswordHasher;
import social.starling.service.account.ResetPasswordService;
import social.starling.service.instance.InstanceService;
import social.starling.support.Json;

/**
 * The composition root: builds every object by hand, through constructors, in dependency order. {@link Main} and
 * the tests both use it. Building has no side effects; {@link #start()} migrates, starts jobs and listens.
 */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    public final Config config;
    public final Clock clock;
    public final ObjectMapper json;
    public final PrometheusMeterRegistry metrics;
    public final Database db;
    public final IdGenerator ids;
    public final LocalUris uris;

    // db
    public final JobRepository jobRepository = new JobRepository();
    public final AccountRepository accounts;
    public final UserRepository users = new UserRepository();
    public final RuleRepository rules = new RuleRepository();
    public final InstanceSettingsRepository settings = new InstanceSettingsRepository();
    public final social.starling.db.OAuthRepository oauth = new social.starling.db.OAuthRepository();
    public final social.starling.db.WebSessionRepository webSessions = new social.starling.db.WebSessionRepository();
    public final social.starling.db.InviteRepository invites = new social.starling.db.InviteRepository();
    public final social.starling.db.UserTokenRepository userTokens = new social.starling.db.UserTokenRepository();

    // jobs
    public final LaneSignals laneSignals = new LaneSignals();
    public final JobQueue jobs;
    public final JobRunner jobRunner;
    public final JobMetrics jobMetrics;

    // services
    public final PasswordHasher passwords;
    public final CreateLocalAccountService createLocalAccount;
    public final GenerateAccountKeysService generateAccountKeys;
    public final ResetPasswordService resetPassword;
    public final BootstrapOwnerService bootstrapOwner;
    public final InstanceService instance;
    public final social.starling.service.account.AccountChanges accountChanges =
            new social.starling.service.account.AccountChanges();
    public final social.starling.service.oauth.TokenAuthenticator tokenAuthenticator;
    public final social.starling.service.security.LoginService logins;
    public final social.starling.service.security.SessionService sessions;
    public final social.starling.service.oauth.RegisterApplicationService registerApplication;
    public final social.starling.service.oauth.TokenService tokens;
    public final social.starling.service.account.EmailTokens emailTokens;
    public final social.starling.service.mail.Mailer mailer;
    public final social.starling.service.mail.SendMailService sendMail;
    public final social.starling.service.account.RegisterService register;
    public final social.starling.service.account.ConfirmEmailService confirmEmail;
    public final social.starling.service.account.PasswordResetService passwordReset;
    public final social.starling.service.account.AdminAccountService adminAccounts;
    public final social.starling.service.account.InviteService inviteService;
    public final social.starling.service.media.ImageStore images;
    public final social.starling.text.StatusFormatter formatter;
    public final social.starling.service.account.LocalMentionResolver mentionResolver;
    public final social.starling.service.account.UpdateCredentialsService updateCredentials;
    public final social.starling.service.account.AccountQueryService accountQueries;
    public final social.starling.service.account.InstanceActorService instanceActor;

    // http
    public final Admission admission;
    public final HttpServer http;

    private volatile boolean started;

    public App(Config config, Clock clock) {
        this(config, clock, List.of());
    }

    /** {@code extraRoutes} lets tests add endpoints (a slow one, to test admission and shutdown). */
    public App(Config config, Clock clock, List<social.starling.api.Routes> extraRoutes) {
        this.config = config;
        this.clock = clock;
        DataDirectory.prepare(config);
        this.json = Json.mapper();
        this.metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        new UptimeMetrics().bindTo(metrics);
        this.db = Database.open(config.database(), metrics);
        this.ids = new IdGenerator(clock, config.nodeId());
        this.uris = new LocalUris(config.server().baseUrl());
        this.accounts = new AccountRepository(json);

        this.jobs = new JobQueue(jobRepository, ids, clock, json, laneSignals);
        this.jobRunner = new JobRunner(db, jobRepository, jobs, clock, config.jobs(), runnerId(config), laneSignals,
                json, metrics);
        this.jobMetrics = new JobMetrics(db, jobRepository, clock, metrics);

        this.passwords = new PasswordHasher(Math.max(1, Runtime.getRuntime().availableProcessors()),
                Duration.ofSeconds(10));
        String instanceActor = config.server().host();
        this.createLocalAccount = new CreateLocalAccountService(db, accounts, users, jobs, passwords, ids, uris,
                instanceActor, clock);
        this.generateAccountKeys = new GenerateAccountKeysService(db, accounts, clock);
        this.resetPassword = new ResetPasswordService(db, accounts, users, passwords, clock);
        String ownerEmail = config.instance().contactEmail().isBlank()
                ? config.instance().ownerUsername() + "@" + config.server().host()
                : config.instance().contactEmail();
        this.bootstrapOwner = new BootstrapOwnerService(db, users, createLocalAccount,
                config.instance().ownerUsername(), ownerEmail);
        this.instance = new InstanceService(db, config, accounts, users, rules, settings,
                new InstanceService.StatusCounter() {
                    @Override
                    public int localStatuses(social.starling.db.Tx tx) {
                        return 0;
                    }

                    @Override
                    public int localStatusesBetween(social.starling.db.Tx tx, java.time.Instant from,
                                                    java.time.Instant to) {
                        return 0;
                    }
                }, clock);

        this.tokenAuthenticator = new social.starling.service.oauth.TokenAuthenticator(db, oauth, accounts, users,
                clock);
        var loginPerAccount = new social.starling.service.security.Throttle("login-per-account", 10,
                Duration.ofMinutes(15), clock);
        var loginPerIp = new social.starling.service.security.Throttle("login-per-ip", 25, Duration.ofMinutes(5),
                clock);
        this.logins = new social.starling.service.security.LoginService(db, users, accounts, passwords,
                loginPerAccount, loginPerIp, clock);
        this.sessions = new social.starling.service.security.SessionService(db, webSessions, accounts, users, clock);
        accountChanges.listen(tokenAuthenticator::evictAccount);
        accountChanges.listen(sessions::evictAccount);
        this.registerApplication = new social.starling.service.oauth.RegisterApplicationService(db, oauth, ids,
                clock);
        this.tokens = new social.starling.service.oauth.TokenService(db, oauth, logins, tokenAuthenticator, ids,
                clock);
        this.emailTokens = new social.starling.service.account.EmailTokens(userTokens, clock);
        this.mailer = config.smtp().configured()
                ? new social.starling.service.mail.SmtpMailer(config.smtp())
                : new social.starling.service.mail.LogMailer();
        this.sendMail = new social.starling.service.mail.SendMailService(db, accounts, users, emailTokens, mailer,
                config.server().baseUrl(), config.instance().title());
        var signupsPerIp = new social.starling.service.security.Throttle("signups-per-ip",
                config.instance().signupsPerIpPerHour(), Duration.ofHours(1), clock);
        this.register = new social.starling.service.account.RegisterService(db, config.instance(),
                createLocalAccount, users, invites, jobs, signupsPerIp, clock);
        this.confirmEmail = new social.starling.service.account.ConfirmEmailService(db, users, emailTokens,
                accountChanges, clock);
        var resetsPerAddress = new social.starling.service.security.Throttle("password-resets", 5,
                Duration.ofHours(1), clock);
        this.passwordReset = new social.starling.service.account.PasswordResetService(db, users, oauth, webSessions,
                emailTokens, passwords, jobs, accountChanges, resetsPerAddress, clock);
        this.adminAccounts = new social.starling.service.account.AdminAccountService(db, accounts, users,
                webSessions, accountChanges, clock);
        this.inviteService = new social.starling.service.account.InviteService(db, invites, users, ids,
                config.instance().memberInvites(), clock);

        this.images = new social.starling.service.media.ImageStore(config.dataDir().resolve("media"));
        this.formatter = new social.starling.text.StatusFormatter(config.server().baseUrl());
        this.mentionResolver = new social.starling.service.account.LocalMentionResolver(db, accounts,
                config.server().domain());
        this.updateCredentials = new social.starling.service.account.UpdateCredentialsService(db, accounts, users,
                images, new social.starling.service.account.FormattedProfileText(formatter, mentionResolver),
                accountChanges, clock);
        this.accountQueries = new social.starling.service.account.AccountQueryService(db, accounts, users,
                config.server().domain(), (tx, accountId) -> 0);

        this.instanceActor = new social.starling.service.account.InstanceActorService(db, accounts, jobs, ids,
                config.server().baseUrl(), config.server().host(), clock);

        registerJobs();

        String base = config.server().baseUrl();
        AccountApiMapper accountApi = new AccountApiMapper(uris);
        InstanceApiMapper instanceApi = new InstanceApiMapper(base, accountApi);
        this.admission = new Admission(config.server().maxInFlight());

        var publicRoutes = new PublicRoutes(
                new InstanceV1Handler(instance, instanceApi),
                new InstanceHandler(instance, instanceApi),
                new RulesHandler(instance, instanceApi),
                new PeersHandler(instance),
                new ActivityHandler(instance),
                new PageHandler(instance, PageHandler.Kind.EXTENDED_DESCRIPTION,
                        "<p>" + escape(config.instance().description()) + "</p>"),
                new PageHandler(instance, PageHandler.Kind.PRIVACY_POLICY, social.starling.service.instance.DefaultTexts.PRIVACY_POLICY),
                new PageHandler(instance, PageHandler.Kind.TERMS_OF_SERVICE, ""),
                new NodeInfoHandler(instance, new NodeInfoMapper(), json, base),
                new HostMetaHandler(base),
                new HealthHandler(db, admission::isReady),
                new MetricsHandler(metrics));
        var routes = new java.util.ArrayList<social.starling.api.Routes>(List.of(publicRoutes));
        // BEGIN web wiring (Starling's own HTML pages: api/web)
        routes.add(new social.starling.api.web.WebRoutes(config, instance, register, confirmEmail, passwordReset,
                inviteService, logins, sessions, tokens, accountQueries));
        // END web wiring
        // BEGIN api wiring (Mastodon client API and OAuth)
        var apiAuth = new social.starling.api.auth.ApiAuth(tokenAuthenticator);
        routes.add(new social.starling.api.ClientApiRoutes(
                new social.starling.api.oauth.TokenHandler(tokens, json),
                new social.starling.api.oauth.RevokeHandler(tokens, json),
                new social.starling.api.oauth.ServerMetadataHandler(base),
                new social.starling.api.oauth.UserInfoHandler(apiAuth, accountApi, base),
                new social.starling.api.mastodon.v1.apps.AppsHandler(registerApplication, tokens, apiAuth,
                        new social.starling.convert.ApplicationApiMapper(), json),
                new social.starling.api.mastodon.v1.accounts.RegistrationHandler(apiAuth, register, tokens, json),
                new social.starling.api.mastodon.v1.accounts.CredentialsHandler(apiAuth, accountQueries,
                        updateCredentials, accountApi, json),
                new social.starling.api.mastodon.v1.accounts.AccountsHandler(apiAuth, accountQueries, accountApi,
                        json),
                new social.starling.api.mastodon.v1.accounts.PreferencesHandler(apiAuth, accountQueries)));
        // END api wiring
        routes.addAll(extraRoutes);
        this.http = new HttpServer(config.server(), json, admission, metrics, mediaRoot(config), routes);
    }

    private void registerJobs() {
        jobRunner.register(GenerateAccountKeysService.JOB, generateAccountKeys::handle);
        jobRunner.register(social.starling.service.mail.SendMailService.JOB, sendMail::handle);
        jobRunner.every("oauth.cleanup", Duration.ofHours(1), () -> db.inTransaction(tx -> {
            oauth.deleteExpiredGrants(tx, clock.instant().minus(Duration.ofDays(1)));
            userTokens.deleteExpired(tx, clock.instant().minus(Duration.ofDays(7)));
            return webSessions.deleteExpired(tx, clock.instant());
        }));
        jobRunner.every("jobs.cleanup", Duration.ofHours(1), () -> db.inTransaction(tx ->
                jobRepository.deleteDeadBefore(tx, clock.instant().minus(Duration.ofDays(7)))));
    }

    private static java.nio.file.Path mediaRoot(Config config) {
        java.nio.file.Path media = config.dataDir().resolve("media");
        try {
            java.nio.file.Files.createDirectories(media);
        } catch (java.io.IOException e) {
            throw new social.starling.config.ConfigException("cannot create " + media + ": " + e.getMessage());
        }
        return media;
    }

    private static String runnerId(Config config) {
        String pid = Long.toString(ProcessHandle.current().pid());
        String host = ManagementFactory.getRuntimeMXBean().getName();
        String id = "node" + config.nodeId() + "-" + host + "-" + pid + "-" + Long.toHexString(System.nanoTime());
        return id.length() > 64 ? id.substring(0, 64) : id;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Applies migrations. */
    public void migrate() {
        db.migrate();
    }

    /**
     * Listens first (so a port in use fails fast, and probes answer while the rest starts), then migrates, makes
     * sure the owner exists and starts the job runner; only then do requests other than probes get through.
     */
    public Optional<BootstrapOwnerService.Credentials> start() {
        http.start();
        started = true;
        migrate();
        instanceActor.ensure();
        Optional<BootstrapOwnerService.Credentials> owner = bootstrapOwner.ensureOwner();
        if (config.jobs().enabled()) {
            jobRunner.start();
        }
        new JvmGcMetrics().bindTo(metrics);
        admission.ready();
        return owner;
    }

    public int port() {
        return http.port();
    }

    /** Graceful: stop taking requests and let in-flight ones finish, stop jobs, then close the database. */
    @Override
    public void close() {
        Duration grace = config.server().shutdownGrace();
        boolean wasStarted = started;
        if (wasStarted) {
            http.stop(grace);
        }
        jobRunner.stop(grace);
        db.close();
        if (wasStarted) {
            log.info("stopped");
        }
    }
}
