package social.starling.wiring;

import java.time.Duration;
import social.starling.api.RouteTable;
import social.starling.federation.delivery.Deliver;
import social.starling.federation.outbox.Federate;
import social.starling.jobs.JobRunner;

/** Outbound delivery's jobs (no routes): federate, deliver, and the hourly sweep of stored activities. */
public final class DeliveryModule implements Module {
    private final DeliveryComponents delivery;

    public DeliveryModule(DeliveryComponents delivery) {
        this.delivery = delivery;
    }

    @Override
    public void routes(RouteTable routes) {
    }

    @Override
    public void jobs(JobRunner jobs) {
        jobs.register(Federate.JOB, delivery.federate()::handle);
        jobs.register(Deliver.JOB, delivery.deliver()::handle);
        jobs.every("delivery.sweep", Duration.ofHours(1), delivery.deliver()::sweep);
    }
}
