package social.starling.db;

import static social.starling.db.schema.Tables.REMOTE_HOSTS;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.jooq.Record;
import social.starling.model.federation.RemoteHost;

/** The health of remote hosts as delivery targets (table {@code remote_hosts}); the rules are HostHealth's. */
public final class RemoteHostRepository {

    public Optional<RemoteHost> find(Tx tx, String domain) {
        return tx.dsl().selectFrom(REMOTE_HOSTS).where(REMOTE_HOSTS.DOMAIN.eq(domain))
                .fetchOptional(RemoteHostRepository::toHost);
    }

    /** Which of {@code domains} are marked unavailable. */
    public Set<String> unavailableAmong(Tx tx, Collection<String> domains) {
        if (domains.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(tx.dsl().select(REMOTE_HOSTS.DOMAIN).from(REMOTE_HOSTS)
                .where(REMOTE_HOSTS.DOMAIN.in(domains)).and(REMOTE_HOSTS.UNAVAILABLE_SINCE.isNotNull())
                .fetch(REMOTE_HOSTS.DOMAIN));
    }

    /** Writes the host's whole state (insert or replace). */
    public void save(Tx tx, RemoteHost h, Instant now) {
        Long unavailable = h.unavailableSince() == null ? null : h.unavailableSince().toEpochMilli();
        tx.dsl().insertInto(REMOTE_HOSTS)
                .set(REMOTE_HOSTS.DOMAIN, h.domain())
                .set(REMOTE_HOSTS.FAILURES, h.failures())
                .set(REMOTE_HOSTS.FIRST_FAILURE_AT, h.firstFailureAt())
                .set(REMOTE_HOSTS.LAST_FAILURE_AT, h.lastFailureAt())
                .set(REMOTE_HOSTS.RESUME_AT, h.resumeAt())
                .set(REMOTE_HOSTS.UNAVAILABLE_SINCE, unavailable)
                .set(REMOTE_HOSTS.LAST_SUCCESS_AT, h.lastSuccessAt())
                .set(REMOTE_HOSTS.UPDATED_AT, now)
                .onConflict(REMOTE_HOSTS.DOMAIN).doUpdate()
                .set(REMOTE_HOSTS.FAILURES, h.failures())
                .set(REMOTE_HOSTS.FIRST_FAILURE_AT, h.firstFailureAt())
                .set(REMOTE_HOSTS.LAST_FAILURE_AT, h.lastFailureAt())
                .set(REMOTE_HOSTS.RESUME_AT, h.resumeAt())
                .set(REMOTE_HOSTS.UNAVAILABLE_SINCE, unavailable)
                .set(REMOTE_HOSTS.LAST_SUCCESS_AT, h.lastSuccessAt())
                .set(REMOTE_HOSTS.UPDATED_AT, now)
                .execute();
    }

    /** Takes a write lock on the host's row (creating it), so concurrent outcomes for one host are counted in turn. */
    public RemoteHost lock(Tx tx, String domain, Instant now) {
        tx.dsl().insertInto(REMOTE_HOSTS)
                .set(REMOTE_HOSTS.DOMAIN, domain)
                .set(REMOTE_HOSTS.UPDATED_AT, now)
                .onConflict(REMOTE_HOSTS.DOMAIN).doUpdate()
                .set(REMOTE_HOSTS.UPDATED_AT, now)
                .execute();
        return find(tx, domain).orElseThrow();
    }

    private static RemoteHost toHost(Record r) {
        Long unavailable = r.get(REMOTE_HOSTS.UNAVAILABLE_SINCE);
        return new RemoteHost(r.get(REMOTE_HOSTS.DOMAIN), r.get(REMOTE_HOSTS.FAILURES),
                r.get(REMOTE_HOSTS.FIRST_FAILURE_AT), r.get(REMOTE_HOSTS.LAST_FAILURE_AT),
                r.get(REMOTE_HOSTS.RESUME_AT), unavailable == null ? null : Instant.ofEpochMilli(unavailable),
                r.get(REMOTE_HOSTS.LAST_SUCCESS_AT));
    }
}
