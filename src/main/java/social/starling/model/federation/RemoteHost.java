package social.starling.model.federation;

import java.time.Instant;

/**
 * What this server knows of a remote host's health as a delivery target (table {@code remote_hosts}).
 *
 * @param domain           the inbox URLs' authority, lower case: {@code host} or {@code host:port}
 * @param failures         consecutive failed deliveries since the last success
 * @param firstFailureAt   the first failure of that run, or null
 * @param resumeAt         while in the future, the circuit breaker is open: no delivery is attempted before it
 * @param unavailableSince set after days of failure: deliveries are dropped until the host is heard from
 */
public record RemoteHost(String domain, int failures, Instant firstFailureAt, Instant lastFailureAt,
                         Instant resumeAt, Instant unavailableSince, Instant lastSuccessAt) {
}
