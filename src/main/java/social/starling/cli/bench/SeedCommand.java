package social.starling.cli.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import social.starling.App;

/** {@code starling bench seed}: see {@link Seeder}. */
@Command(name = "seed", description = "Fill an empty database with a synthetic instance for the benchmarks.")
final class SeedCommand implements Callable<Integer> {
    /** The password of every seeded account. */
    static final String PASSWORD = "bench password 123";

    @CommandLine.ParentCommand
    BenchCommands bench;

    @Option(names = "--accounts", defaultValue = "10000")
    int accounts;

    @Option(names = "--statuses", defaultValue = "1000000")
    int statuses;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed: the same seed gives the same data.")
    long seed;

    @Option(names = "--tokens", defaultValue = "2000", description = "Access tokens to create for sampled accounts.")
    int tokens;

    @Option(names = "--out", description = "Where to write tokens.txt and fanout.properties (default: <data dir>/bench).")
    Path out;

    @Override
    public Integer call() {
        if (accounts < 2 || statuses < 1 || tokens < 1) {
            throw new IllegalArgumentException("--accounts must be at least 2, --statuses and --tokens at least 1");
        }
        try (App app = bench.apps.open()) {
            Path dir = out != null ? out : app.config().dataDir().resolve("bench");
            new Seeder(app, new Seeder.Options(accounts, statuses, seed, tokens, dir), System.out).run();
        }
        return 0;
    }
}
