package social.starling.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.InboxRepository;
import social.starling.jobs.JobContext;
import social.starling.jobs.JobType;
import social.starling.jobs.Lane;
import social.starling.model.Account;
import social.starling.service.account.ResolveAccountService;
import social.starling.service.moderation.DomainPolicy;

/**
 * Processes one activity taken in by {@link InboxReceiver}, in the ingress lane: finds its actor (stored when its
 * key was resolved; fetched otherwise) and hands it to the {@link InboxDispatcher}. Refusals complete the job; an
 * unexpected failure (the database, a fetch) is retried with backoff, as Mastodon retries its ingress workers.
 * The payload is the activity itself, since the sender will not send it again.
 */
public final class InboundActivityJob {
    private static final Logger log = LoggerFactory.getLogger(InboundActivityJob.class);

    /** How long activity ids are remembered for de-duplication (a sender's retries span about two days). */
    public static final Duration REMEMBER = Duration.ofDays(7);

    public record Payload(String actor, JsonNode activity) {
    }

    public static final JobType<Payload> TYPE = JobType.of("inbox.process", Lane.INGRESS, Payload.class)
            .withRetries(8, Duration.ofSeconds(30), Duration.ofHours(2));

    private final Database db;
    private final AccountRepository accounts;
    private final InboxRepository inbox;
    private final ResolveAccountService resolve;
    private final InboxDispatcher dispatcher;
    private final DomainPolicy domains;
    private final Clock clock;

    /** {@code domains}: activities queued before their domain was suspended are dropped, Flags per reject_reports. */
    public InboundActivityJob(Database db, AccountRepository accounts, InboxRepository inbox,
                              ResolveAccountService resolve, InboxDispatcher dispatcher, DomainPolicy domains,
                              Clock clock) {
        this.domains = domains;
        this.db = db;
        this.accounts = accounts;
        this.inbox = inbox;
        this.resolve = resolve;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    public void handle(Payload payload, JobContext context) {
        Optional<String> domain = DomainPolicy.domainOf(payload.actor());
        if (domain.isEmpty() || domains.refuses(domain.get())) {
            log.debug("dropped an activity from {}: its domain is refused", payload.actor());
            return;
        }
        // Mastodon's reject_reports: a Flag from the domain is ignored (activitypub/activity/flag.rb).
        if ("Flag".equals(Activities.type(payload.activity()))
                && domains.refusesReports(domain.get())) {
            log.debug("ignored a Flag from {}: reports from its domain are rejected", payload.actor());
            return;
        }
        Optional<Account> actor = db.read(tx -> accounts.findByUri(tx, payload.actor()))
                .or(() -> resolve.resolveUrl(payload.actor()))
                .filter(a -> a.uri().equals(payload.actor()) && !a.isLocal());
        if (actor.isEmpty()) {
            log.debug("dropped an activity from {}: the actor cannot be found", payload.actor());
            return;
        }
        dispatcher.dispatch(new Inbound(actor.get(), payload.activity()));
    }

    /** The recurring cleanup of remembered activity ids. */
    public void prune() {
        int removed = db.inTransaction(tx -> inbox.pruneActivities(tx, clock.instant().minus(REMEMBER)));
        log.debug("forgot {} inbound activity ids", removed);
    }
}
