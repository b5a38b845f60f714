package social.starling.federation.inbox;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.InboxRepository;
import social.starling.federation.signature.InboundRequest;
import social.starling.federation.signature.SignatureVerificationException;
import social.starling.federation.signature.SignatureVerifier;
import social.starling.federation.signature.VerifiedSignature;
import social.starling.jobs.JobQueue;
import social.starling.model.Account;

/**
 * What happens to a POST to an inbox before it is answered (Mastodon's InboxesController and
 * SignatureVerification): size limit, strict JSON, the HTTP signature (draft-cavage or RFC 9421, with the body's
 * digest and the date window), and the signer must be the activity's actor. Then, in one transaction, the activity
 * id is recorded (a second delivery of the same id is answered 202 and dropped) and an {@link InboundActivityJob}
 * is queued in the ingress lane; the answer is 202. Everything else happens in the job.
 *
 * <p>Every signature failure is 401, never 403: Fedify retries a request refused with 401 with the other signature
 * scheme (RFC 9421, then draft-cavage), and Mastodon answers 401 too. A valid signature by someone other than the
 * actor (a relay, or a reply forwarded by a third server) is refused as well: Mastodon would then check a Linked
 * Data signature in the body or fetch the activity from its origin; Starling does neither yet (docs/federation.md).
 *
 * <p>An actor on a domain the server suspended (or, in limited federation, did not allow) is answered 202 and
 * dropped unread, as Mastodon does.
 *
 * <p>Only an id on its actor's origin is recorded for de-duplication, so no one can claim another server's ids in
 * advance; an activity without an id (Mastodon lets some transient ones through) is processed without it.
 */
public final class InboxReceiver {
    public enum Outcome { ACCEPTED, DUPLICATE, DROPPED }

    public enum Reason { TOO_LARGE, MALFORMED, UNAUTHORIZED, UNKNOWN_RECIPIENT }

    /** Why a request was refused; the message is safe to show the sender. */
    public static final class Refused extends Exception {
        private final Reason reason;

        Refused(Reason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    private final Database db;
    private final AccountRepository accounts;
    private final InboxRepository inbox;
    private final JobQueue jobs;
    private final SignatureVerifier verifier;
    private final ObjectMapper json;
    private final int maxBytes;
    private final java.util.function.Consumer<String> hostContacted;
    private final java.util.function.Predicate<String> refusedActor;
    private final Clock clock;
    private final com.github.benmanes.caffeine.cache.Cache<String, Account> senders =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(50_000)
                    .expireAfterWrite(java.time.Duration.ofSeconds(30)).build();

    /**
     * {@code hostContacted} hears the domain of every verified sender (delivery revives a host marked down).
     * {@code refusedActor} names actor ids on domains the server's domain policy refuses (suspended, or not allowed
     * in limited federation).
     */
    public InboxReceiver(Database db, AccountRepository accounts, InboxRepository inbox, JobQueue jobs,
                         SignatureVerifier verifier, int maxBytes, java.util.function.Consumer<String> hostContacted,
                         java.util.function.Predicate<String> refusedActor, Clock clock) {
        this.refusedActor = refusedActor;
        this.hostContacted = hostContacted;
        this.db = db;
        this.accounts = accounts;
        this.inbox = inbox;
        this.jobs = jobs;
        this.verifier = verifier;
        this.maxBytes = maxBytes;
        this.clock = clock;
        this.json = strictMapper(maxBytes);
    }

    /** Bounded as RemoteFetcher bounds fetched documents: depth 64, strings within the body limit, no duplicate keys. */
    static ObjectMapper strictMapper(int maxBytes) {
        JsonMapper mapper = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64)
                .maxStringLength(maxBytes)
                .maxDocumentLength(maxBytes)
                .maxNumberLength(64)
                .build());
        return mapper;
    }

    /** The largest body taken, in bytes. */
    public int maxBytes() {
        return maxBytes;
    }

    /**
     * @param recipient the user name of a personal inbox ({@code /users/{name}/inbox}), or null for the shared inbox
     */
    public Outcome receive(InboundRequest request, String recipient) throws Refused {
        if (recipient != null && db.read(tx -> accounts.findByUsername(tx, recipient, null)).isEmpty()) {
            throw new Refused(Reason.UNKNOWN_RECIPIENT, "Record not found");
        }
        byte[] body = request.body();
        if (body.length > maxBytes) {
            throw new Refused(Reason.TOO_LARGE, "The request body is too large");
        }
        ObjectNode activity = parse(body);
        String actorId = Activities.idOf(activity.get("actor"))
                .orElseThrow(() -> new Refused(Reason.MALFORMED, "The activity has no actor"));
        // A refused domain is answered 202 and dropped before its signature is checked, so its key is never
        // fetched: Mastodon accepts and discards activities from suspended domains too (its inbox answers 202, the
        // worker drops them), which tells the sender nothing and stops its retries.
        if (refusedActor.test(actorId)) {
            return Outcome.DROPPED;
        }
        try {
            VerifiedSignature signature = verifier.verify(request);
            signature.requireActor(actorId);
        } catch (SignatureVerificationException e) {
            throw new Refused(Reason.UNAUTHORIZED, e.getMessage());
        }
        // The key resolver stored the signer; an actor deleted or suspended here is heard no more (within the
        // half minute the sender's account is remembered, so a busy sender costs no query per activity).
        Optional<Account> actor = Optional.ofNullable(senders.getIfPresent(actorId))
                .or(() -> db.read(tx -> accounts.findByUri(tx, actorId)));
        actor.ifPresent(a -> senders.put(actorId, a));
        if (actor.isEmpty() || actor.get().isLocal() || actor.get().suspended()) {
            return Outcome.DROPPED;
        }
        hostContacted.accept(actor.get().domain());
        JsonNode idNode = activity.get("id");
        String dedupeId = idNode != null && idNode.isTextual() && Origins.same(idNode.asText(), actorId)
                ? idNode.asText() : null;
        return db.inTransaction(tx -> {
            if (dedupeId != null && !inbox.recordActivity(tx, dedupeId, clock.instant())) {
                return Outcome.DUPLICATE;
            }
            jobs.enqueue(tx, InboundActivityJob.TYPE, new InboundActivityJob.Payload(actorId, activity));
            return Outcome.ACCEPTED;
        });
    }

    private ObjectNode parse(byte[] body) throws Refused {
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (IOException e) {
            throw new Refused(Reason.MALFORMED, "The body is not valid JSON");
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new Refused(Reason.MALFORMED, "The body is not a JSON object");
        }
        if (Activities.type(object).isEmpty()) {
            throw new Refused(Reason.MALFORMED, "The activity has no type");
        }
        return object;
    }
}
