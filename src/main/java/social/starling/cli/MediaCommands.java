package social.starling.cli;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import social.starling.App;

/** {@code starling media ...}: the remote media cache and abandoned uploads. */
@Command(name = "media", description = "Look after stored media.", mixinStandardHelpOptions = true,
        subcommands = {MediaCommands.Prune.class})
public final class MediaCommands {
    final AppFactory apps;

    MediaCommands(AppFactory apps) {
        this.apps = apps;
    }

    @Command(name = "prune", description = "Evict cached remote media down to the quota (STARLING_MEDIA_CACHE_MB), "
            + "or to --keep-mb, and delete uploads no post took within a day.")
    static final class Prune implements Callable<Integer> {
        @CommandLine.ParentCommand
        MediaCommands media;

        @CommandLine.Option(names = "--keep-mb", description = "Keep at most this many MB of cached remote media "
                + "(0 evicts every cached copy; they are fetched again when shown).")
        Long keepMb;

        @Override
        public Integer call() {
            try (App app = media.apps.open()) {
                var cache = app.media().remoteCache();
                long before = cache.usedBytes();
                long target = keepMb != null ? keepMb * 1_048_576L : cache.quotaBytes();
                int evicted = cache.evictTo(target);
                int swept = app.media().uploads().sweepUnattached(
                        Clock.systemUTC().instant().minus(Duration.ofDays(1)), 100_000);
                System.out.printf("remote cache: %d copies evicted, %d MB -> %d MB (target %d MB)%n", evicted,
                        before / 1_048_576, cache.usedBytes() / 1_048_576, target / 1_048_576);
                System.out.printf("unattached uploads deleted: %d%n", swept);
            }
            return 0;
        }
    }
}
