package social.starling.wiring;

import java.time.Duration;
import social.starling.api.Admission;
import social.starling.api.RouteTable;
import social.starling.api.ops.HealthHandler;
import social.starling.api.ops.MetricsHandler;
import social.starling.jobs.JobRunner;

/** Health probes, metrics, and the job table's own housekeeping. */
public final class OperationsModule implements Module {
    private final Core core;
    private final HealthHandler health;
    private final MetricsHandler metrics;

    public OperationsModule(Core core, Admission admission) {
        this.core = core;
        this.health = new HealthHandler(core.db(), admission::isReady);
        this.metrics = new MetricsHandler(core.metrics());
    }

    @Override
    public void routes(RouteTable routes) {
        routes.operations()
                .get("/health", health::health)
                .get("/livez", health::live)
                .get("/readyz", health::ready)
                .get("/metrics", metrics::handle);
    }

    @Override
    public void jobs(JobRunner jobs) {
        jobs.every("jobs.cleanup", Duration.ofHours(1), () -> core.db().inTransaction(tx ->
                core.jobRepository().deleteDeadBefore(tx, core.clock().instant().minus(Duration.ofDays(7)))));
    }
}
