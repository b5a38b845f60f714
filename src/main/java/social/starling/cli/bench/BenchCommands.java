package social.starling.cli.bench;

import picocli.CommandLine.Command;
import social.starling.cli.AppFactory;

/**
 * {@code starling bench ...} (hidden): tools for the benchmark scripts in bench/ — {@code seed} fills an empty
 * database with a synthetic instance, {@code fanout} measures how long a post takes to reach every follower's
 * home feed, {@code rebuild} how long the first home read of an inactive account takes, {@code thumbnails} how
 * many still images a node processes per second. Not for production use.
 */
@Command(name = "bench", hidden = true, mixinStandardHelpOptions = true,
        description = "Benchmark tools (see bench/README.md).",
        subcommands = {SeedCommand.class, FanoutCommand.class, RebuildCommand.class, InboxCommand.class,
            ThumbnailsCommand.class, PostersCommand.class})
public final class BenchCommands {
    final AppFactory apps;

    BenchCommands(AppFactory apps) {
        this.apps = apps;
    }
}
