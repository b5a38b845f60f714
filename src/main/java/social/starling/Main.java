package social.starling;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import social.starling.cli.AdminCommands;
import social.starling.cli.AppFactory;
import social.starling.cli.CommandFactory;
import social.starling.cli.JobsCommands;
import social.starling.config.Config;
import social.starling.config.ConfigException;
import social.starling.service.account.DataDirectoryDomainException;
import social.starling.config.ConfigLoader;
import social.starling.errors.StarlingException;
import social.starling.support.Versions;

/** The {@code starling} command: {@code serve} (the default), {@code migrate}, {@code admin ...}, {@code jobs ...}. */
@Command(name = "starling", mixinStandardHelpOptions = true, version = "Starling " + Versions.STARLING,
        description = "A Mastodon-compatible ActivityPub server.",
        subcommands = {Main.Serve.class, Main.Migrate.class, AdminCommands.class, JobsCommands.class,
                social.starling.cli.AccountCommands.class,
                social.starling.cli.MediaCommands.class, social.starling.cli.RulesCommands.class,
                social.starling.cli.ReportCommands.class,
                social.starling.cli.DomainBlockCommands.class,
                social.starling.cli.WarmupCommand.class, social.starling.cli.bench.BenchCommands.class})
public final class Main implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    @Option(names = "--config", description = "A properties file with settings (keys as in the README).",
            scope = CommandLine.ScopeType.INHERIT)
    Path configFile;

    private final Map<String, String> env;

    Main(Map<String, String> env) {
        this.env = env;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line; returns the exit code. Configuration errors print one line and exit 2. */
    public static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
        if (args.length == 0) {
            // Serving, the common case, skips building picocli's model of every command: its classes (compiled
            // for Java 5) cannot go into the JVM's AOT cache, and building the model costs a few hundred ms.
            try {
                return new Main(env).call();
            } catch (RuntimeException e) {
                int code = knownExitCode(e, err);
                if (code < 0) {
                    throw e;
                }
                return code;
            }
        }
        Main main = new Main(env);
        CommandLine cli = new CommandLine(main, new CommandFactory(main.apps()));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            int code = knownExitCode(e, err);
            if (code < 0) {
                throw e;
            }
            return code;
        });
        return cli.execute(args);
    }

    /** Configuration errors: one line and 2; Starling's own and argument errors: one line and 1; else -1. */
    private static int knownExitCode(Exception e, PrintWriter err) {
        if (e instanceof ConfigException || e instanceof DataDirectoryDomainException) {
            err.println("starling: " + e.getMessage());
            return 2;
        }
        if (e instanceof StarlingException || e instanceof IllegalArgumentException) {
            err.println("starling: " + e.getMessage());
            return 1;
        }
        return -1;
    }

    public Config config() {
        return ConfigLoader.load(env, Optional.ofNullable(configFile));
    }

    /** With no sub-command, serve. */
    @Override
    public Integer call() {
        return new Serve(this).call();
    }

    @Command(name = "serve", description = "Run the server (the default).")
    static final class Serve implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main parent;

        Serve() {
        }

        Serve(Main parent) {
            this.parent = parent;
        }

        @Override
        public Integer call() {
            long startNanos = System.nanoTime();
            social.starling.support.StartupWarmup.inBackground();
            Config config = parent.config();
            App app = new App(config, Clock.systemUTC());
            Optional<social.starling.service.account.BootstrapOwnerService.Credentials> owner;
            try {
                owner = app.start();
            } catch (RuntimeException e) {
                app.close();
                throw e;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
                log.info("shutting down");
                app.close();
                stopped.countDown();
            }));
            long millis = Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
            var out = System.out;
            out.printf("Starling %s is serving %s (listening on %s:%d, %s) - ready in %d ms%n", Versions.STARLING,
                    config.server().baseUrl(), config.server().bind(), app.port(),
                    config.database().isPostgres() ? "PostgreSQL" : "SQLite " + config.database().url()
                            .substring("jdbc:sqlite:".length()), millis);
            owner.ifPresent(o -> out.printf("""

                    First start: the owner account was created. Log in at %s/auth/sign_in with
                        username: %s
                        e-mail:   %s
                        password: %s
                    This password is shown only once. Change it with: ./starling admin reset-password --username %s

                    """, config.server().baseUrl(), o.username(), o.email(), o.password(), o.username()));
            out.flush();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }
    }

    @Command(name = "migrate", description = "Apply database migrations and exit.")
    static final class Migrate implements Callable<Integer> {
        @CommandLine.ParentCommand
        Main parent;

        @Override
        public Integer call() {
            try (App app = new App(parent.config(), Clock.systemUTC())) {
                app.migrate();
            }
            System.out.println("Migrations applied.");
            return 0;
        }
    }

    /** What the sub-commands are given to reach the application (read after the options are parsed). */
    AppFactory apps() {
        return new AppFactory() {
            @Override
            public Config config() {
                return Main.this.config();
            }

            @Override
            public App open() {
                App app = new App(config(), Clock.systemUTC());
                app.migrate();
                app.core().events().start(); // so that what the command changes reaches the running nodes' caches
                return app;
            }
        };
    }
}
