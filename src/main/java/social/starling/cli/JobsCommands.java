package social.starling.cli;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import social.starling.App;

/** {@code starling jobs ...}: look into the job queue. */
@Command(name = "jobs", description = "Inspect the job queue.", mixinStandardHelpOptions = true,
        subcommands = {JobsCommands.Stats.class})
public final class JobsCommands {
    final AppFactory apps;

    JobsCommands(AppFactory apps) {
        this.apps = apps;
    }

    @Command(name = "stats", description = "Jobs per lane: due now, scheduled, running, dead, and the oldest wait.")
    static final class Stats implements Callable<Integer> {
        @CommandLine.ParentCommand
        JobsCommands jobs;

        @Override
        public Integer call() {
            try (App app = jobs.apps.open()) {
                var now = Clock.systemUTC().instant();
                var stats = app.core().db().read(tx -> app.core().jobRepository().stats(tx, now));
                System.out.printf("%-10s %8s %10s %8s %6s %10s%n", "lane", "due", "scheduled", "running", "dead",
                        "lag");
                for (var s : stats) {
                    String lag = s.oldestDue().map(t -> Duration.between(t, now).toSeconds() + "s").orElse("-");
                    System.out.printf("%-10s %8d %10d %8d %6d %10s%n", s.lane(), s.due(), s.scheduled(), s.running(),
                            s.dead(), lag);
                }
                if (stats.isEmpty()) {
                    System.out.println("(no jobs)");
                }
            }
            return 0;
        }
    }
}
