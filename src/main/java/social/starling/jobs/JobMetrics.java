package social.starling.jobs;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.ToDoubleFunction;
import social.starling.db.Database;
import social.starling.db.JobRepository;

/**
 * Queue depth and lag per lane as Prometheus gauges: {@code starling_jobs_due} (jobs waiting to run now),
 * {@code starling_jobs_scheduled}, {@code starling_jobs_running}, {@code starling_jobs_dead} and
 * {@code starling_jobs_lag_seconds} (how long the oldest due job has waited). Read at most every 5 seconds.
 */
public final class JobMetrics {
    private final LoadingCache<String, List<JobRepository.LaneStats>> stats;

    public JobMetrics(Database db, JobRepository repo, Clock clock, MeterRegistry registry) {
        this.stats = Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofSeconds(5))
                .build(key -> db.read(tx -> repo.stats(tx, clock.instant())));
        for (Lane lane : Lane.values()) {
            String name = lane.wireName();
            gauge(registry, "starling.jobs.due", name, s -> s.due());
            gauge(registry, "starling.jobs.scheduled", name, s -> s.scheduled());
            gauge(registry, "starling.jobs.running", name, s -> s.running());
            gauge(registry, "starling.jobs.dead", name, s -> s.dead());
            gauge(registry, "starling.jobs.lag.seconds", name, s -> s.oldestDue()
                    .map(t -> Math.max(0, Duration.between(t, clock.instant()).toMillis() / 1000.0))
                    .orElse(0.0));
        }
    }

    private void gauge(MeterRegistry registry, String metric, String lane,
                       ToDoubleFunction<JobRepository.LaneStats> value) {
        Gauge.builder(metric, () -> {
                    try {
                        return stats.get("all").stream().filter(s -> s.lane().equals(lane))
                                .mapToDouble(value).findFirst().orElse(0);
                    } catch (RuntimeException e) {
                        return Double.NaN;
                    }
                })
                .tag("lane", lane)
                .register(registry);
    }

    public List<JobRepository.LaneStats> snapshot() {
        return stats.get("all");
    }
}
