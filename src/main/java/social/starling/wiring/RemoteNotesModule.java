package social.starling.wiring;

import social.starling.api.RouteTable;
import social.starling.jobs.JobRunner;
import social.starling.service.status.ThreadBackfillService;

/** Remote notes have no routes of their own (search and threads use them); this registers their job. */
public final class RemoteNotesModule implements Module {
    private final RemoteNoteComponents notes;

    public RemoteNotesModule(RemoteNoteComponents notes) {
        this.notes = notes;
    }

    @Override
    public void routes(RouteTable routes) {
    }

    @Override
    public void jobs(JobRunner jobs) {
        jobs.register(ThreadBackfillService.JOB, notes.threadBackfill()::handle);
        jobs.register(ThreadBackfillService.REPLIES_JOB, notes.threadBackfill()::fetchReplies);
    }
}
