package social.starling.federation.delivery;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import social.starling.db.Database;
import social.starling.db.RemoteHostRepository;
import social.starling.model.federation.RemoteHost;

/**
 * Remote hosts' health as delivery targets, shared by every node through {@code remote_hosts}.
 *
 * <ul>
 *   <li><b>Circuit breaker.</b> After {@link #FAILURE_THRESHOLD} consecutive failed deliveries to a host (Mastodon's
 *       Stoplight threshold), no delivery to it is attempted for a cool-down of {@link #COOL_DOWN}, doubling with
 *       each further failure up to {@link #MAX_COOL_DOWN}; deliveries due meanwhile are put back until it ends (not
 *       failed). The first delivery after it is the probe: a success closes the breaker.</li>
 *   <li><b>Unavailable.</b> A host that has failed without a success for {@link #UNAVAILABLE_AFTER} (Mastodon's
 *       DeliveryFailureTracker: failures on 7 days) is marked unavailable: deliveries to it are dropped and it is
 *       left out of audiences, until it answers a delivery or {@link #contacted contacts us}.</li>
 *   <li>A 4xx answer is a success here: the host is up, it refused this one activity (as Mastodon tracks it).</li>
 * </ul>
 */
public final class HostHealth {
    private static final Logger log = LoggerFactory.getLogger(HostHealth.class);

    public static final int FAILURE_THRESHOLD = 10;
    public static final Duration COOL_DOWN = Duration.ofMinutes(1);
    public static final Duration MAX_COOL_DOWN = Duration.ofHours(1);
    public static final Duration UNAVAILABLE_AFTER = Duration.ofDays(7);
    /** A healthy host's last success is written at most this often (not on every delivery). */
    private static final Duration SUCCESS_NOTE_EVERY = Duration.ofHours(1);

    /** What a delivery to a host may do now. */
    public sealed interface Gate permits Open, Resting, Unavailable {
    }

    /** Deliver; {@code known} is the host's state, if it has one. */
    public record Open(Optional<RemoteHost> known) implements Gate {
    }

    /** The breaker is open: try again at {@code until}. */
    public record Resting(Instant until) implements Gate {
    }

    /** Marked unavailable: drop the delivery. */
    public record Unavailable(Instant since) implements Gate {
    }

    private final Database db;
    private final RemoteHostRepository hosts;
    private final Clock clock;
    /**
     * Hosts seen healthy by {@link #contacted} in the last minute, so a busy sender costs no query per activity.
     * A failure recorded on this node forgets the host at once; one recorded on another node is noticed within
     * the minute.
     */
    private final com.github.benmanes.caffeine.cache.Cache<String, Boolean> healthy =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(100_000)
                    .expireAfterWrite(Duration.ofMinutes(1)).build();

    public HostHealth(Database db, RemoteHostRepository hosts, Clock clock) {
        this.db = db;
        this.hosts = hosts;
        this.clock = clock;
    }

    /** The host an inbox URL is on: its authority in lower case, the scheme's default port left out. */
    public static Optional<String> hostOf(String url) {
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443)
                    || (scheme.equals("http") && port == 80);
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            return Optional.of(defaultPort ? host : host + ":" + port);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public Gate gate(String host) {
        Optional<RemoteHost> known = db.read(tx -> hosts.find(tx, host));
        Instant now = clock.instant();
        if (known.isPresent() && known.get().unavailableSince() != null) {
            return new Unavailable(known.get().unavailableSince());
        }
        if (known.isPresent() && known.get().resumeAt() != null && known.get().resumeAt().isAfter(now)) {
            return new Resting(known.get().resumeAt());
        }
        return new Open(known);
    }

    /** A delivery got an answer (2xx, or a 4xx refusal). {@code known}: the state {@link #gate} read. */
    public void succeeded(String host, Optional<RemoteHost> known) {
        Instant now = clock.instant();
        boolean clean = known.isPresent() && known.get().failures() == 0 && known.get().resumeAt() == null
                && known.get().unavailableSince() == null && known.get().lastSuccessAt() != null
                && known.get().lastSuccessAt().plus(SUCCESS_NOTE_EVERY).isAfter(now);
        if (clean) {
            return;
        }
        db.inTransaction(tx -> {
            hosts.save(tx, new RemoteHost(host, 0, null, null, null, null, now), now);
            return null;
        });
    }

    /**
     * A delivery failed (network, timeout, 5xx, 408, 429): counts toward the breaker and unavailability.
     *
     * @return whether the host is now marked unavailable (the delivery is then dropped, not retried)
     */
    public boolean failed(String host) {
        healthy.invalidate(host.toLowerCase(Locale.ROOT));
        Instant now = clock.instant();
        return db.inTransaction(tx -> {
            RemoteHost h = hosts.lock(tx, host, now);
            int failures = h.failures() + 1;
            Instant first = h.firstFailureAt() != null ? h.firstFailureAt() : now;
            Instant resumeAt = failures >= FAILURE_THRESHOLD ? now.plus(coolDown(failures)) : null;
            Instant unavailable = h.unavailableSince();
            if (unavailable == null && failures >= FAILURE_THRESHOLD
                    && !first.plus(UNAVAILABLE_AFTER).isAfter(now)) {
                unavailable = now;
                log.warn("{} has failed every delivery since {}: marked unavailable", host, first);
            } else if (failures == FAILURE_THRESHOLD) {
                log.info("{} failed {} deliveries in a row: resting until {}", host, failures, resumeAt);
            }
            hosts.save(tx, new RemoteHost(host, failures, first, now, resumeAt, unavailable, h.lastSuccessAt()),
                    now);
            return unavailable != null;
        });
    }

    /**
     * The host proved it is up by contacting us (a verified activity arrived from it): a host marked unavailable,
     * or resting, is delivered to again. {@code domain} is the host as in its actors' URIs ({@code host[:port]}).
     */
    public void contacted(String domain) {
        String host = domain.toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        if (healthy.getIfPresent(host) != null) {
            return;
        }
        // Called for every verified inbound activity: a read decides, so a healthy host costs no write.
        if (db.read(tx -> hosts.find(tx, host)).filter(h -> h.failures() > 0 || h.unavailableSince() != null
                || h.resumeAt() != null).isEmpty()) {
            healthy.put(host, Boolean.TRUE);
            return;
        }
        db.inTransaction(tx -> {
            hosts.find(tx, host).filter(h -> h.failures() > 0 || h.unavailableSince() != null || h.resumeAt() != null)
                    .ifPresent(h -> hosts.save(tx, new RemoteHost(host, 0, null, h.lastFailureAt(), null, null,
                            h.lastSuccessAt()), now));
            return null;
        });
    }

    static Duration coolDown(int failures) {
        int doublings = Math.min(10, Math.max(0, failures - FAILURE_THRESHOLD));
        Duration d = COOL_DOWN.multipliedBy(1L << doublings);
        return d.compareTo(MAX_COOL_DOWN) > 0 ? MAX_COOL_DOWN : d;
    }
}
