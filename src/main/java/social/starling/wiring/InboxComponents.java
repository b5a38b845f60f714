package social.starling.wiring;

import social.starling.db.InboxRepository;
import social.starling.db.ReportRepository;
import social.starling.federation.ActorFetcher;
import social.starling.federation.inbox.InboundActivityJob;
import social.starling.federation.inbox.InboxLookup;
import social.starling.federation.inbox.InboxReceiver;
import social.starling.federation.inbox.InboxTable;
import social.starling.federation.inbox.NoteIngest;
import social.starling.federation.inbox.Origins;
import social.starling.federation.signature.SignatureVerifier;
import social.starling.service.account.DeleteRemoteAccountService;
import social.starling.service.account.MoveAccountService;
import social.starling.service.moderation.DomainPolicy;
import social.starling.service.moderation.ReceiveReportService;
import social.starling.service.status.QuoteExchangeService;

/**
 * The inbox: signature verification with keys of stored (else fetched) actors, the receiver that answers the POST,
 * the ingress job and the table of activity handlers over the use cases. {@code notes} is how remote notes are
 * stored and resolved (the federation/note implementation of {@link NoteIngest}).
 */
public record InboxComponents(InboxReceiver receiver, InboundActivityJob job, SignatureVerifier verifier,
                              InboxRepository repository, ReportRepository reports) {

    public static InboxComponents build(Core core, Repositories repos, OutboxComponents outbox,
                                        AccountComponents accounts, GraphComponents graph,
                                        InteractionComponents interactions, RemoteAccountComponents remote,
                                        NoteIngest notes, java.util.function.Consumer<String> hostContacted,
                                        DomainPolicy domains) {
        var db = core.db();
        var clock = core.clock();
        var inbox = new InboxRepository();
        var reports = new ReportRepository(core.json());
        var origins = new Origins(core.baseUrl());
        var actors = new ActorFetcher(remote.fetcher(), remote.webFinger(), remote.instanceSigner(), clock);
        var verifier = remote.verifier();
        var lookup = new InboxLookup(db, repos.accounts(), repos.statuses(), inbox, origins);
        var services = new InboxTable.Services(db, graph.follows(), graph.blocks(), interactions.favourites(),
                interactions.reblogs(), accounts.writer(), actors, remote.resolve(),
                new DeleteRemoteAccountService(db, repos.accounts(), inbox, repos.statuses(), repos.statusMarks(),
                        graph.follows(), outbox.outbox(), accounts.changes(), clock),
                new MoveAccountService(db, inbox, repos.relationships(), graph.follows(), accounts.changes()),
                // InboundActivityJob drops a reject_reports domain's Flags first; the service checks again.
                new ReceiveReportService(db, reports, outbox.staff(), repos.accounts(), domains::refusesReports,
                        core.ids(),
                        clock), notes, remote.fetcher(),
                new QuoteExchangeService(db, repos.quotes(), repos.statuses(), repos.accounts(), repos.relationships(),
                        outbox.outbox(), core.uris(), clock), clock);
        var job = new InboundActivityJob(db, repos.accounts(), inbox, remote.resolve(),
                InboxTable.build(lookup, services), domains, clock);
        var receiver = new InboxReceiver(db, repos.accounts(), inbox, core.jobs(), verifier,
                core.config().federation().inboxMaxBytes(), hostContacted, domains::refusesUrl, clock);
        return new InboxComponents(receiver, job, verifier, inbox, reports);
    }
}
