package social.starling.wiring;

import social.starling.federation.inbox.NoteIngest;
import social.starling.federation.note.NoteIngestService;
import social.starling.service.status.RemoteStatusService;
import social.starling.service.status.RemoteStatusUpdater;
import social.starling.service.status.ResolveStatusService;
import social.starling.service.status.ThreadBackfillService;

/**
 * Remote notes: {@link NoteIngest} for the inbox (create, update, delete, resolve), status search by URL, and the
 * job that fetches a thread's missing ancestors. Fetches go through the one {@link
 * social.starling.federation.fetch.RemoteFetcher} of {@link RemoteAccountComponents}, signed by the instance actor.
 */
public record RemoteNoteComponents(NoteIngestService ingest, RemoteStatusService statuses,
                                   RemoteStatusUpdater updater, ResolveStatusService resolveStatus,
                                   ThreadBackfillService threadBackfill) {

    public static RemoteNoteComponents build(Core core, Repositories repos, AccountComponents accounts,
                                             StatusComponents statuses, InteractionComponents interactions,
                                             RemoteAccountComponents remoteAccounts) {
        var db = core.db();
        var clock = core.clock();
        var remote = new RemoteStatusService(db, repos.statuses(), repos.accounts(), repos.conversations(),
                repos.polls(), statuses.writer(), statuses.delete(), interactions.reblogs(), repos.quotes(),
                new social.starling.service.status.StatusMedia(repos.media()), core.ids(), clock);
        var updater = new RemoteStatusUpdater(db, repos.statuses(), repos.statusEdits(), repos.polls(), repos.tags(),
                core.jobs(), statuses.outbox(), repos.quotes(),
                new social.starling.service.status.StatusMedia(repos.media()), core.ids(), clock);
        var signer = remoteAccounts.instanceSigner();
        var ingest = new NoteIngestService(remote, updater, remoteAccounts.resolve(), remoteAccounts.fetcher(),
                signer, core.baseUrl(), clock);
        return new RemoteNoteComponents(ingest, remote, updater,
                new ResolveStatusService(db, repos.statuses(), repos.accounts(), statuses.views(), ingest,
                        core.baseUrl()),
                new ThreadBackfillService(db, repos.statuses(), ingest));
    }

    /** What the inbox hands Create/Update/Delete/Announce/Like objects to. */
    public NoteIngest noteIngest() {
        return ingest;
    }
}
