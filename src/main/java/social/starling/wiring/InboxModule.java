package social.starling.wiring;

import java.time.Duration;
import social.starling.api.RouteTable;
import social.starling.api.activitypub.InboxHandler;
import social.starling.federation.inbox.InboundActivityJob;
import social.starling.jobs.JobRunner;

/**
 * Receiving from other servers: the inboxes (shared, personal, the instance actor's) and the ingress job that
 * processes what they take in, plus the hourly cleanup of remembered activity ids.
 */
public final class InboxModule implements Module {
    private final InboxComponents inbox;
    private final InboxHandler handler;

    public InboxModule(Core core, InboxComponents inbox) {
        this.inbox = inbox;
        this.handler = new InboxHandler(inbox.receiver(), core.baseUrl());
    }

    @Override
    public void routes(RouteTable routes) {
        routes.activityPub()
                .post("/inbox", handler::shared)
                .post("/actor/inbox", handler::shared)
                .post("/users/{name}/inbox", handler::personal);
    }

    @Override
    public void jobs(JobRunner jobs) {
        jobs.register(InboundActivityJob.TYPE, inbox.job()::handle);
        jobs.every("inbox.forget_activity_ids", Duration.ofHours(1), inbox.job()::prune);
    }
}
