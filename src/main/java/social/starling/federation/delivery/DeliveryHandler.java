package social.starling.federation.delivery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import social.starling.db.Database;
import social.starling.db.DeliveryRepository;
import social.starling.federation.fetch.FetchException;
import social.starling.federation.fetch.FetchException.Reason;
import social.starling.federation.fetch.RemoteFetcher;
import social.starling.federation.signature.HttpSigner;
import social.starling.jobs.JobContext;

/**
 * Sends one stored activity to one inbox (Mastodon's ActivityPub::DeliveryWorker): signed now (the Date must be
 * fresh, so each attempt is signed again) with the sender's key, {@code rsa-sha256} over {@code (request-target)
 * host date digest}, {@code Content-Type: application/activity+json}, through the one outbound client.
 *
 * <ul>
 *   <li>2xx: done. 4xx other than 408 and 429: the host refused this activity; given up (logged), the host counts
 *       as up.</li>
 *   <li>5xx, 408, 429, network errors and timeouts: a failure for the host ({@link HostHealth}), retried on
 *       {@link RetrySchedule} (or after the host's {@code Retry-After}) until {@link RetrySchedule#MAX_ATTEMPTS}
 *       attempts, then given up.</li>
 *   <li>A host resting (breaker open) or at its in-flight cap ({@link HostSlots}): put back in the queue without
 *       counting an attempt. A host marked unavailable: dropped.</li>
 *   <li>A URL that can never be delivered to (not http(s), a refused address): dropped.</li>
 * </ul>
 * Whatever ends the delivery settles it in the transaction that completes the job, so the stored activity is
 * deleted with its last delivery.
 */
public final class DeliveryHandler {
    private static final Logger log = LoggerFactory.getLogger(DeliveryHandler.class);
    static final String CONTENT_TYPE = "application/activity+json";
    /** How long a delivery waits when its host is at its in-flight cap. */
    static final Duration BUSY_WAIT = Duration.ofMillis(500);
    /** How long a stored activity may outlive its deliveries' settlement (see {@link #sweep}). */
    static final Duration RETENTION = Duration.ofDays(10);

    private final Database db;
    private final DeliveryRepository deliveries;
    private final HostHealth health;
    private final HostSlots slots;
    private final SigningKeys keys;
    private final HttpSigner signer;
    private final RemoteFetcher fetcher;
    private final Clock clock;

    public DeliveryHandler(Database db, DeliveryRepository deliveries, HostHealth health, HostSlots slots,
                           SigningKeys keys, HttpSigner signer, RemoteFetcher fetcher, Clock clock) {
        this.db = db;
        this.deliveries = deliveries;
        this.health = health;
        this.slots = slots;
        this.keys = keys;
        this.signer = signer;
        this.fetcher = fetcher;
        this.clock = clock;
    }

    public void handle(Deliver job, JobContext context) {
        Optional<DeliveryRepository.StoredActivity> activity = db.read(tx -> deliveries.activity(tx, job.activityId()));
        if (activity.isEmpty()) {
            log.info("delivery to {}: activity {} is no longer stored; dropped", job.inbox(), job.activityId());
            return;
        }
        context.onComplete(tx -> deliveries.settle(tx, job.activityId()));
        Optional<String> host = HostHealth.hostOf(job.inbox());
        if (host.isEmpty()) {
            log.warn("delivery to {}: not an http(s) URL; dropped", job.inbox());
            return;
        }
        switch (health.gate(host.get())) {
            case HostHealth.Unavailable u -> log.info("delivery to {}: host unavailable since {}; dropped",
                    job.inbox(), u.since());
            case HostHealth.Resting r -> context.deferTo(r.until().plus(jitter(Duration.ofSeconds(30))));
            case HostHealth.Open open -> {
                if (!slots.tryAcquire(host.get())) {
                    context.deferTo(clock.instant().plus(BUSY_WAIT).plus(jitter(BUSY_WAIT)));
                    return;
                }
                try {
                    send(job, activity.get(), host.get(), open, context);
                } finally {
                    slots.release(host.get());
                }
            }
        }
    }

    private void send(Deliver job, DeliveryRepository.StoredActivity activity, String host, HostHealth.Open open,
                      JobContext context) {
        Optional<SigningKeys.SigningKey> key = keys.of(activity.accountId());
        if (key.isEmpty()) {
            log.info("delivery to {}: sender {} is gone; dropped", job.inbox(), activity.accountId());
            return;
        }
        URI inbox = URI.create(job.inbox());
        byte[] body = activity.body().getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>(signer.sign("POST", inbox, Map.of(), body,
                key.get().keyId(), key.get().key()));
        headers.put("Content-Type", CONTENT_TYPE);
        try {
            fetcher.post(inbox, headers, body);
            health.succeeded(host, open.known());
        } catch (FetchException e) {
            failed(job, host, open, context, e);
        }
    }

    private void failed(Deliver job, String host, HostHealth.Open open, JobContext context, FetchException e) {
        int status = e.status().orElse(0);
        if (e.reason() == Reason.REFUSED_DOMAIN) {
            log.debug("delivery to {} dropped: {}", job.inbox(), e.getMessage());
            return;
        }
        if (e.reason() == Reason.BAD_URL || e.reason() == Reason.REFUSED_ADDRESS) {
            log.warn("delivery to {} can never succeed ({}); dropped", job.inbox(), e.getMessage());
            return;
        }
        if (e.reason() == Reason.HTTP_STATUS && status >= 400 && status < 500 && status != 408 && status != 429) {
            health.succeeded(host, open.known());
            log.warn("delivery to {} refused with {}; given up", job.inbox(), status);
            return;
        }
        if (health.failed(host)) {
            log.info("delivery to {} failed ({}) and its host is now unavailable; dropped", job.inbox(),
                    e.getMessage());
            return;
        }
        if (context.lastAttempt()) {
            log.warn("delivery to {} failed {} times, last: {}; given up", job.inbox(), context.attempt(),
                    e.getMessage());
            return;
        }
        Instant now = clock.instant();
        Duration wait = RetrySchedule.retryAfter(e.retryAfter(), now)
                .orElseGet(() -> RetrySchedule.delay(context.attempt(), ThreadLocalRandom.current()));
        log.info("delivery to {} failed (attempt {}): {}; next in {}s", job.inbox(), context.attempt(),
                e.getMessage(), wait.toSeconds());
        context.retryAt(now.plus(wait), e.getMessage());
    }

    /**
     * Deletes stored activities older than {@link #RETENTION}: every delivery settles long before (about two days of
     * retries; a host failing for a week is dropped), so what is left was orphaned by a job that died unexpectedly.
     */
    public void sweep() {
        Instant before = clock.instant().minus(RETENTION);
        int deleted = db.inTransaction(tx -> deliveries.deleteActivitiesBefore(tx, before));
        if (deleted > 0) {
            log.info("deleted {} stored activities older than {}", deleted, before);
        }
    }

    private static Duration jitter(Duration upTo) {
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(Math.max(1, upTo.toMillis())));
    }
}
