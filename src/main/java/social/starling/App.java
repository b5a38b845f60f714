package social.starling;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import social.starling.api.Admission;
import social.starling.api.HttpServer;
import social.starling.api.RouteTable;
import social.starling.api.Routes;
import social.starling.config.Config;
import social.starling.config.ConfigException;
import social.starling.service.account.BootstrapOwnerService;
import social.starling.wiring.AccountActionComponents;
import social.starling.wiring.AdminAccountsModule;
import social.starling.wiring.AccountActionsModule;
import social.starling.wiring.AccountComponents;
import social.starling.wiring.AccountsModule;
import social.starling.wiring.AdminWebModule;
import social.starling.wiring.AdminSignupBlocksModule;
import social.starling.wiring.AdminDomainsModule;
import social.starling.wiring.ActivityPubModule;
import social.starling.wiring.Core;
import social.starling.wiring.DeliveryComponents;
import social.starling.wiring.DeliveryModule;
import social.starling.wiring.Edges;
import social.starling.wiring.GraphComponents;
import social.starling.wiring.GraphModule;
import social.starling.wiring.InboxComponents;
import social.starling.wiring.InboxModule;
import social.starling.wiring.InstanceModule;
import social.starling.wiring.InteractionComponents;
import social.starling.wiring.InteractionsModule;
import social.starling.wiring.MediaComponents;
import social.starling.wiring.MediaModule;
import social.starling.wiring.ModerationComponents;
import social.starling.wiring.AdminReportsModule;
import social.starling.wiring.ModerationModule;
import social.starling.wiring.Module;
import social.starling.wiring.NotificationComponents;
import social.starling.wiring.OutboxComponents;
import social.starling.wiring.NotificationsModule;
import social.starling.wiring.OperationsModule;
import social.starling.wiring.PushComponents;
import social.starling.wiring.PushModule;
import social.starling.wiring.RemoteAccountComponents;
import social.starling.wiring.RemoteNoteComponents;
import social.starling.wiring.RemoteInteractionModule;
import social.starling.wiring.RemoteNotesModule;
import social.starling.wiring.Repositories;
import social.starling.wiring.StatusComponents;
import social.starling.wiring.QuotesModule;
import social.starling.wiring.StatusExtrasModule;
import social.starling.wiring.StatusModule;
import social.starling.wiring.StreamingModule;
import social.starling.wiring.WebClientModule;
import social.starling.wiring.WebSettingsModule;
import social.starling.wiring.WebModule;
import social.starling.wiring.WebPeopleModule;

/**
 * The composition root: builds every object once, by hand, through constructors, in dependency order — the
 * infrastructure ({@link Core}), the repositories, one record of components per domain, then the modules that put
 * them on HTTP routes (one {@link RouteTable} with a table per audience) and register their jobs. {@link Main}, the
 * command line and the tests use it. Building has no side effects; {@link #start()} listens, migrates and starts the
 * job runner.
 */
public final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    private final Core core;
    private final Repositories repos;
    private final RouteTable routes;
    private final List<Module> modules;
    private final OutboxComponents outbox;
    private final AccountComponents accounts;
    private final StatusComponents statuses;
    private final GraphComponents graph;
    private final InteractionComponents interactions;
    private final NotificationComponents notifications;
    private final RemoteAccountComponents remoteAccounts;
    private final RemoteNoteComponents remoteNotes;
    private final InboxComponents inbox;
    private final DeliveryComponents delivery;
    private final MediaComponents media;
    private final PushComponents push;
    private final ModerationComponents moderation;
    private final Admission admission;
    private final HttpServer http;
    private volatile boolean started;

    public App(Config config, Clock clock) {
        this(config, clock, List.of());
    }

    /** {@code extraRoutes} lets tests add endpoints (a slow one, to test admission and shutdown). */
    public App(Config config, Clock clock, List<Routes> extraRoutes) {
        DataDirectory.prepare(config);
        this.core = Core.open(config, clock);
        this.repos = Repositories.create(core.json(), core.events());
        this.moderation = ModerationComponents.build(core, repos);
        this.outbox = OutboxComponents.build(core, repos);
        this.accounts = AccountComponents.build(core, repos, outbox, moderation);
        this.statuses = StatusComponents.build(core, repos, accounts, outbox);
        this.graph = GraphComponents.build(core, repos, accounts, statuses);
        this.interactions = InteractionComponents.build(core, repos, statuses);
        this.notifications = NotificationComponents.build(core, repos, statuses);
        this.remoteAccounts = RemoteAccountComponents.build(core, repos, accounts, moderation.domainPolicy());
        this.delivery = DeliveryComponents.build(core, repos, accounts, remoteAccounts);
        this.push = PushComponents.build(core, repos, remoteAccounts);
        this.remoteNotes = RemoteNoteComponents.build(core, repos, accounts, statuses, interactions, remoteAccounts);
        this.inbox = InboxComponents.build(core, repos, outbox, accounts, graph, interactions, remoteAccounts,
                remoteNotes.noteIngest(), delivery.hostHealth()::contacted, moderation.domainPolicy());
        this.media = MediaComponents.build(core, repos, remoteAccounts.fetcher(), moderation.domainPolicy());
        this.admission = new Admission(config.server().maxInFlight());
        Edges edges = Edges.build(core, accounts);
        // Built ahead (it stays last in the list): the web client's live notifications listen through its hub.
        var streaming = new StreamingModule(core, repos, statuses, notifications, edges);

        List<Module> modules = List.of(
                new OperationsModule(core, admission),
                new InstanceModule(core, accounts.instance(), edges, push.vapidKeys()::publicKey),
                new WebModule(config, accounts, moderation),
                new AdminWebModule(config, core, repos, accounts, statuses, moderation),
                new WebClientModule(core, accounts, statuses, interactions, media, edges),
                new WebPeopleModule(core, accounts, statuses, graph, remoteAccounts, remoteNotes, edges),
                new RemoteInteractionModule(core, accounts, statuses, graph, moderation, remoteAccounts, remoteNotes, edges),
                new WebSettingsModule(core, accounts, graph, notifications, streaming.hub(), edges),
                new AccountsModule(core, repos, accounts, remoteAccounts, edges),
                new StatusModule(core, statuses, graph, edges),
                new StatusExtrasModule(statuses, graph, accounts, remoteAccounts, remoteNotes, edges),
                new QuotesModule(core, repos, statuses, edges),
                new InteractionsModule(interactions, edges),
                new NotificationsModule(notifications, edges),
                new GraphModule(core, graph, edges),
                new AccountActionsModule(core, AccountActionComponents.build(core, repos, accounts, graph), accounts,
                        graph, edges),
                new ActivityPubModule(core, repos, accounts, remoteAccounts, statuses, graph, edges),
                new RemoteNotesModule(remoteNotes),
                new InboxModule(core, inbox),
                new DeliveryModule(delivery),
                new MediaModule(core, media, edges),
                new PushModule(push, edges),
                new ModerationModule(core, repos, statuses, moderation, outbox.staff(), edges),
                new AdminReportsModule(core, repos, statuses, moderation, edges),
                new AdminSignupBlocksModule(core, moderation, edges),
                new AdminAccountsModule(core, repos, accounts, graph, outbox, moderation, edges),
                new AdminDomainsModule(core, moderation, edges),
                streaming);
        this.modules = modules;
        this.routes = new RouteTable();
        for (Module module : modules) {
            module.routes(routes);
            module.jobs(core.jobRunner());
        }
        extraRoutes.forEach(group -> group.register(routes));
        this.http = new HttpServer(config.server(), core.json(), admission, core.metrics(), mediaRoot(config),
                routes);
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

    public Config config() {
        return core.config();
    }

    /** Every route served, for tests that sweep them all. */
    public HttpServer http() {
        return http;
    }

    public java.util.List<RouteTable.Route> routes() {
        return routes.routes();
    }

    public Core core() {
        return core;
    }

    public Repositories repos() {
        return repos;
    }

    public OutboxComponents outbox() {
        return outbox;
    }

    public AccountComponents accounts() {
        return accounts;
    }

    public StatusComponents statuses() {
        return statuses;
    }

    public GraphComponents graph() {
        return graph;
    }

    public InteractionComponents interactions() {
        return interactions;
    }

    public NotificationComponents notifications() {
        return notifications;
    }

    public RemoteAccountComponents remoteAccounts() {
        return remoteAccounts;
    }

    /** Remote notes: {@code remoteNotes().noteIngest()} is what the inbox hands notes to. */
    public RemoteNoteComponents remoteNotes() {
        return remoteNotes;
    }

    public InboxComponents inbox() {
        return inbox;
    }

    /** Media uploads and the remote media cache. */
    public ModerationComponents moderation() {
        return moderation;
    }

    public MediaComponents media() {
        return media;
    }

    /** Outbound delivery; the inbox calls {@code delivery().hostHealth().contacted(domain)}. */
    public DeliveryComponents delivery() {
        return delivery;
    }

    /** Web Push: subscriptions, the VAPID key, the push job. */
    public PushComponents push() {
        return push;
    }

    /** Applies migrations. */
    /** The module of this type (tests and the command line reach a module's own services through it). */
    public <M extends Module> M module(Class<M> type) {
        return modules.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    public void migrate() {
        core.db().migrate();
    }

    /**
     * Listens first (so a port in use fails fast, and probes answer while the rest starts), then migrates, connects
     * the event bus, makes sure the instance actor and the owner exist and starts the job runner; only then do
     * requests other than probes get through.
     */
    public Optional<BootstrapOwnerService.Credentials> start() {
        http.start();
        started = true;
        migrate();
        core.events().start();
        accounts.instanceActor().ensure();
        Optional<BootstrapOwnerService.Credentials> owner = accounts.bootstrapOwner().ensureOwner();
        if (core.config().jobs().enabled()) {
            core.jobRunner().start();
        }
        new JvmGcMetrics().bindTo(core.metrics());
        admission.ready();
        return owner;
    }

    public int port() {
        return http.port();
    }

    /** Graceful: stop taking requests and let in-flight ones finish, stop jobs and the event bus, then the database. */
    @Override
    public void close() {
        Duration grace = core.config().server().shutdownGrace();
        boolean wasStarted = started;
        modules.forEach(Module::close);
        if (wasStarted) {
            http.stop(grace);
        }
        core.jobRunner().stop(grace);
        core.events().close();
        media.uploads().close();
        core.media().close();
        remoteAccounts.close();
        core.db().close();
        if (wasStarted) {
            log.info("stopped");
        }
    }
}
