package social.starling.federation.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import social.starling.db.Database;
import social.starling.db.DeliveryRepository;
import social.starling.db.Tx;
import social.starling.federation.delivery.Deliver;
import social.starling.jobs.JobContext;
import social.starling.jobs.JobQueue;
import social.starling.model.IdGenerator;

/**
 * Runs a {@link Federate} job: renders the activity once ({@link OutgoingActivities}), stores it, and queues one
 * {@link Deliver} job per inbox — in the transaction that completes this job, so a retried or re-claimed federate
 * job never queues its deliveries twice. An action whose objects are gone (a status deleted before its Create went
 * out) sends nothing.
 */
public final class FederateHandler {
    /** One activity and where it goes, signed by {@code signerId}. */
    public record Outgoing(long signerId, String json, List<String> inboxes) {
    }

    private final Database db;
    private final OutgoingActivities activities;
    private final DeliveryRepository deliveries;
    private final JobQueue jobs;
    private final IdGenerator ids;
    private final Clock clock;

    public FederateHandler(Database db, OutgoingActivities activities, DeliveryRepository deliveries, JobQueue jobs,
                           IdGenerator ids, Clock clock) {
        this.db = db;
        this.activities = activities;
        this.deliveries = deliveries;
        this.jobs = jobs;
        this.ids = ids;
        this.clock = clock;
    }

    public void handle(Federate job, JobContext context) {
        List<Outgoing> out = db.read(tx -> activities.render(tx, job));
        if (out.stream().anyMatch(o -> !o.inboxes().isEmpty())) {
            context.onComplete(tx -> store(tx, out));
        }
    }

    private void store(Tx tx, List<Outgoing> out) {
        Instant now = clock.instant();
        for (Outgoing o : out) {
            if (o.inboxes().isEmpty()) {
                continue;
            }
            long id = ids.next();
            deliveries.insertActivity(tx, id, o.signerId(), o.json(), o.inboxes().size(), now);
            for (String inbox : o.inboxes()) {
                jobs.enqueue(tx, Deliver.JOB, new Deliver(id, inbox));
            }
        }
    }
}
