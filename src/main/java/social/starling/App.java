package social.starling;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import social.starling.api.Admission;
import social.starling.api.HttpServer;
import social.starling.api.Routes;
import social.starling.api.auth.ApiAuth;
import social.starling.config.Config;
import social.starling.config.ConfigException;
import social.starling.convert.AccountApiMapper;
import social.starling.convert.StatusApiMapper;
import social.starling.db.AccountRepository;
import social.starling.db.ConversationRepository;
import social.starling.db.Database;
import social.starling.db.FeedRepository;
import social.starling.db.IdempotencyRepository;
import social.starling.db.InstanceSettingsRepository;
import social.starling.db.InteractionRepository;
import social.starling.db.InviteRepository;
import social.starling.db.JobRepository;
import social.starling.db.NotificationRepository;
import social.starling.db.OAuthRepository;
import social.starling.db.PollRepository;
import social.starling.db.RelationshipRepository;
import social.starling.db.RuleRepository;
import social.starling.db.StatusRepository;
import social.starling.db.TagRepository;
import social.starling.db.UserRepository;
import social.starling.db.UserTokenRepository;
import social.starling.db.WebSessionRepository;
import social.starling.jobs.JobMetrics;
import social.starling.jobs.JobQueue;
import social.starling.jobs.JobRunner;
import social.starling.jobs.LaneSignals;
import social.starling.model.IdGenerator;
import social.starling.model.LocalUris;
import social.starling.service.account.AccountChanges;
import social.starling.service.account.AccountQueryService;
import social.starling.service.account.AdminAccountService;
import social.starling.service.account.BootstrapOwnerService;
import social.starling.service.account.ConfirmEmailService;
import social.starling.service.account.CreateLocalAccountService;
import social.starling.service.account.EmailTokens;
import social.starling.service.account.FormattedProfileText;
import social.starling.service.account.GenerateAccountKeysService;
import social.starling.service.account.InstanceActorService;
import social.starling.service.account.InviteService;
import social.starling.service.account.LocalMentionResolver;
import social.starling.service.account.PasswordHasher;
import social.starling.service.account.PasswordResetService;
import social.starling.service.account.RegisterService;
import social.starling.service.account.ResetPasswordService;
import social.starling.service.account.UpdateCredentialsService;
import social.starling.service.follow.FollowService;
import social.starling.service.follow.RelationshipService;
import social.starling.service.instance.InstanceService;
import social.starling.service.mail.LogMailer;
import social.starling.service.mail.Mailer;
import social.starling.service.mail.SendMailService;
import social.starling.service.mail.SmtpMailer;
import social.starling.service.media.ImageStore;
import social.starling.service.notification.NotifyService;
import social.starling.service.oauth.RegisterApplicationService;
import social.starling.service.oauth.TokenAuthenticator;
import social.starling.service.oauth.TokenService;
import social.starling.service.security.LoginService;
import social.starling.service.security.SessionService;
import social.starling.service.security.Throttle;
import social.starling.service.status.DeleteStatusService;
import social.starling.service.status.DistributeStatusService;
import social.starling.service.status.PostStatusService;
import social.starling.service.status.RelationsCache;
import social.starling.service.status.StatusFilterer;
import social.starling.service.status.StatusJobs;
import social.starling.service.status.StatusViews;
import social.starling.service.timeline.HomeFeedService;
import social.starling.support.Json;
import social.starling.text.StatusFormatter;
import social.starling.wiring.Module;
import social.starling.wiring.Modules;
import social.starling.wiring.Wiring;

/**
 * The composition root: builds every object by hand, through constructors, in dependency order. Core services are
 * public fields; each feature area's handlers, routes and jobs are wired by a {@link Module} (see {@link Modules}).
 * {@link Main} and the tests both use it. Building has no side effects; {@link #start()} listens, migrates and starts
 * the job runner.
 */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    // Infrastructure
    public final Config config;
    public final Clock clock;
    public final ObjectMapper json;
    public final PrometheusMeterRegistry metrics;
    public final Database db;
    public final IdGenerator ids;
    public final LocalUris uris;
    public final String baseUrl;

    // Repositories: queries only
    public final JobRepository jobRepository = new JobRepository();
    public final AccountRepository accounts;
    public final UserRepository users = new UserRepository();
    public final RuleRepository rules = new RuleRepository();
    public final InstanceSettingsRepository settings = new InstanceSettingsRepository();
    public final OAuthRepository oauth = new OAuthRepository();
    public final WebSessionRepository webSessions = new WebSessionRepository();
    public final InviteRepository invites = new InviteRepository();
    public final UserTokenRepository userTokens = new UserTokenRepository();
    public final StatusRepository statuses = new StatusRepository();
    public final RelationshipRepository relationships;
    public final FeedRepository feeds = new FeedRepository();
    public final TagRepository tags = new TagRepository();
    public final PollRepository polls;
    public final InteractionRepository interactions = new InteractionRepository();
    public final IdempotencyRepository idempotency = new IdempotencyRepository();
    public final NotificationRepository notifications = new NotificationRepository();
    public final ConversationRepository conversations;

    // Jobs
    public final LaneSignals laneSignals = new LaneSignals();
    public final JobQueue jobs;
    public final JobRunner jobRunner;
    public final JobMetrics jobMetrics;

    // Accounts, sign-up, OAuth
    public final AccountChanges accountChanges = new AccountChanges();
    public final PasswordHasher passwords;
    public final CreateLocalAccountService createLocalAccount;
    public final GenerateAccountKeysService generateAccountKeys;
    public final ResetPasswordService resetPassword;
    public final BootstrapOwnerService bootstrapOwner;
    public final InstanceService instance;
    public final TokenAuthenticator tokenAuthenticator;
    public final LoginService logins;
    public final SessionService sessions;
    public final RegisterApplicationService registerApplication;
    public final TokenService tokens;
    public final EmailTokens emailTokens;
    public final Mailer mailer;
    public final SendMailService sendMail;
    public final RegisterService register;
    public final ConfirmEmailService confirmEmail;
    public final PasswordResetService passwordReset;
    public final AdminAccountService adminAccounts;
    public final InviteService inviteService;
    public final ImageStore images;
    public final StatusFormatter formatter;
    public final LocalMentionResolver mentionResolver;
    public final UpdateCredentialsService updateCredentials;
    public final AccountQueryService accountQueries;
    public final InstanceActorService instanceActor;

    // Statuses, the graph, feeds, notifications
    public final RelationsCache relationsCache;
    public final StatusFilterer statusFilterer;
    public final StatusViews statusViews;
    public final NotifyService notify;
    public final HomeFeedService homeFeed;
    public final PostStatusService postStatus;
    public final DeleteStatusService deleteStatus;
    public final DistributeStatusService distributeStatus;
    public final FollowService follows;
    public final RelationshipService relationshipService;

    // Edges shared by the modules
    public final ApiAuth apiAuth;
    public final AccountApiMapper accountApi;
    public final StatusApiMapper statusApi;
    public final Admission admission;
    public final HttpServer http;

    private volatile boolean started;

    public App(Config config, Clock clock) {
        this(config, clock, List.of());
    }

    /** {@code extraRoutes} lets tests add endpoints (a slow one, to test admission and shutdown). */
    public App(Config config, Clock clock, List<Routes> extraRoutes) {
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
        this.baseUrl = config.server().baseUrl();
        this.uris = new LocalUris(baseUrl);
        this.accounts = new AccountRepository(json);
        this.relationships = new RelationshipRepository(json);
        this.polls = new PollRepository(json);
        this.conversations = new ConversationRepository(json);

        this.jobs = new JobQueue(jobRepository, ids, clock, json, laneSignals);
        this.jobRunner = new JobRunner(db, jobRepository, jobs, clock, config.jobs(), runnerId(config), laneSignals,
                json, metrics);
        this.jobMetrics = new JobMetrics(db, jobRepository, clock, metrics);

        // Accounts, sign-up, OAuth
        String host = config.server().host();
        this.passwords = new PasswordHasher(Math.max(1, Runtime.getRuntime().availableProcessors()),
                Duration.ofSeconds(10));
        this.createLocalAccount = new CreateLocalAccountService(db, accounts, users, jobs, passwords, ids, uris, host,
                clock);
        this.generateAccountKeys = new GenerateAccountKeysService(db, accounts, clock);
        this.resetPassword = new ResetPasswordService(db, accounts, users, passwords, clock);
        String ownerEmail = config.instance().contactEmail().isBlank()
                ? config.instance().ownerUsername() + "@" + host : config.instance().contactEmail();
        this.bootstrapOwner = new BootstrapOwnerService(db, users, createLocalAccount,
                config.instance().ownerUsername(), ownerEmail);
        this.instance = new InstanceService(db, config, accounts, users, rules, settings,
                new InstanceService.StatusCounter() {
                    @Override
                    public int localStatuses(social.starling.db.Tx tx) {
                        return statuses.countLocal(tx);
                    }

                    @Override
                    public int localStatusesBetween(social.starling.db.Tx tx, java.time.Instant from,
                                                    java.time.Instant to) {
                        return statuses.countLocalBetween(tx, from, to);
                    }
                }, clock);
        this.tokenAuthenticator = new TokenAuthenticator(db, oauth, accounts, users, clock);
        this.logins = new LoginService(db, users, accounts, passwords,
                new Throttle("login-per-account", 10, Duration.ofMinutes(15), clock),
                new Throttle("login-per-ip", 25, Duration.ofMinutes(5), clock), clock);
        this.sessions = new SessionService(db, webSessions, accounts, users, clock);
        accountChanges.listen(tokenAuthenticator::evictAccount);
        accountChanges.listen(sessions::evictAccount);
        this.registerApplication = new RegisterApplicationService(db, oauth, ids, clock);
        this.tokens = new TokenService(db, oauth, logins, tokenAuthenticator, ids, clock);
        this.emailTokens = new EmailTokens(userTokens, clock);
        this.mailer = config.smtp().configured() ? new SmtpMailer(config.smtp()) : new LogMailer();
        this.sendMail = new SendMailService(db, accounts, users, emailTokens, mailer, baseUrl,
                config.instance().title());
        this.register = new RegisterService(db, config.instance(), createLocalAccount, users, invites, jobs,
                new Throttle("signups-per-ip", config.instance().signupsPerIpPerHour(), Duration.ofHours(1), clock),
                clock);
        this.confirmEmail = new ConfirmEmailService(db, users, emailTokens, accountChanges, clock);
        this.passwordReset = new PasswordResetService(db, users, oauth, webSessions, emailTokens, passwords, jobs,
                accountChanges, new Throttle("password-resets", 5, Duration.ofHours(1), clock), clock);
        this.adminAccounts = new AdminAccountService(db, accounts, users, webSessions, accountChanges, clock);
        this.inviteService = new InviteService(db, invites, users, ids, config.instance().memberInvites(), clock);
        this.images = new ImageStore(config.dataDir().resolve("media"));
        this.formatter = new StatusFormatter(baseUrl);
        this.mentionResolver = new LocalMentionResolver(db, accounts, config.server().domain());
        this.updateCredentials = new UpdateCredentialsService(db, accounts, users, images,
                new FormattedProfileText(formatter, mentionResolver), accountChanges, clock);
        this.accountQueries = new AccountQueryService(db, accounts, users, config.server().domain(),
                relationships::countPendingRequests);
        this.instanceActor = new InstanceActorService(db, accounts, jobs, ids, baseUrl, host, clock);

        // Statuses, the graph, feeds, notifications
        this.relationsCache = new RelationsCache(db, relationships, clock);
        this.statusFilterer = Modules.statusFilterer(this);
        this.statusViews = new StatusViews(db, statuses, accounts, relationships, tags, polls, interactions, oauth,
                relationsCache, statusFilterer, clock);
        this.notify = new NotifyService(notifications, relationships, accounts, users, ids, clock);
        this.homeFeed = new HomeFeedService(db, feeds, statusViews, config.feeds().maxItems(), clock);
        this.postStatus = new PostStatusService(db, statuses, accounts, users, tags, polls, idempotency,
                conversations, feeds, statusViews, formatter, jobs, ids, uris, config.server().domain(), clock);
        this.deleteStatus = new DeleteStatusService(db, statuses, accounts, statusViews, clock);
        this.distributeStatus = new DistributeStatusService(db, statuses, feeds, relationships, users, conversations,
                notify, ids, clock);
        this.follows = new FollowService(db, accounts, relationships, homeFeed, notify, accountChanges, ids, clock);
        this.relationshipService = new RelationshipService(db, relationships, accounts, clock);
        accountChanges.listen(relationsCache::evict);

        // Edges
        this.apiAuth = new ApiAuth(tokenAuthenticator);
        this.accountApi = new AccountApiMapper(uris);
        this.statusApi = new StatusApiMapper(accountApi, baseUrl);
        this.admission = new Admission(config.server().maxInFlight());
        registerCoreJobs();
        Wiring wiring = new Wiring(jobRunner);
        for (Module module : Modules.ALL) {
            module.install(this, wiring);
        }
        List<Routes> routes = new ArrayList<>(wiring.routes());
        routes.addAll(extraRoutes);
        this.http = new HttpServer(config.server(), json, admission, metrics, mediaRoot(config), routes);
    }

    private void registerCoreJobs() {
        jobRunner.register(GenerateAccountKeysService.JOB, generateAccountKeys::handle);
        jobRunner.register(SendMailService.JOB, sendMail::handle);
        jobRunner.register(StatusJobs.DISTRIBUTE, distributeStatus::handle);
        jobRunner.every("oauth.cleanup", Duration.ofHours(1), () -> db.inTransaction(tx -> {
            oauth.deleteExpiredGrants(tx, clock.instant().minus(Duration.ofDays(1)));
            userTokens.deleteExpired(tx, clock.instant().minus(Duration.ofDays(7)));
            idempotency.deleteBefore(tx, clock.instant().minus(Duration.ofHours(1)));
            return webSessions.deleteExpired(tx, clock.instant());
        }));
        jobRunner.every("jobs.cleanup", Duration.ofHours(1), () -> db.inTransaction(tx ->
                jobRepository.deleteDeadBefore(tx, clock.instant().minus(Duration.ofDays(7)))));
        jobRunner.every("feeds.trim", Duration.ofMinutes(10), homeFeed::trim);
        jobRunner.every("feeds.stale", Duration.ofHours(1),
                () -> homeFeed.markInactiveStale(config.feeds().activeDays()));
    }

    private static Path mediaRoot(Config config) {
        Path media = config.dataDir().resolve("media");
        try {
            Files.createDirectories(media);
        } catch (IOException e) {
            throw new ConfigException("cannot create " + media + ": " + e.getMessage());
        }
        return media;
    }

    private static String runnerId(Config config) {
        String pid = Long.toString(ProcessHandle.current().pid());
        String host = ManagementFactory.getRuntimeMXBean().getName();
        String id = "node" + config.nodeId() + "-" + host + "-" + pid + "-" + Long.toHexString(System.nanoTime());
        return id.length() > 64 ? id.substring(0, 64) : id;
    }

    /** Applies migrations. */
    public void migrate() {
        db.migrate();
    }

    /**
     * Listens first (so a port in use fails fast, and probes answer while the rest starts), then migrates, makes
     * sure the instance actor and the owner exist and starts the job runner; only then do requests other than
     * probes get through.
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
