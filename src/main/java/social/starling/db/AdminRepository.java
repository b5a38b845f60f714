package social.starling.db;

import static social.starling.db.schema.Tables.ACCOUNTS;
import static social.starling.db.schema.Tables.REMOTE_HOSTS;
import static social.starling.db.schema.Tables.REPORTS;
import static social.starling.db.schema.Tables.USERS;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import social.starling.model.User;
import social.starling.model.federation.RemoteHost;

/** What the staff's web pages list and count: local logins for review, open reports, the least healthy hosts. */
public final class AdminRepository {

    /**
     * Local logins whose username starts with {@code usernamePrefix} (any case; null or blank for all): applications
     * waiting for approval first (oldest first, as they queue), then everyone else, newest first.
     */
    public List<User> localLogins(Tx tx, String usernamePrefix, int offset, int limit) {
        Condition c = DSL.trueCondition();
        if (usernamePrefix != null && !usernamePrefix.isBlank()) {
            c = c.and(ACCOUNTS.USERNAME_KEY.startsWith(usernamePrefix.strip().toLowerCase(Locale.ROOT)));
        }
        var pendingFirst = DSL.when(USERS.APPROVED.isFalse(), DSL.inline(0)).otherwise(DSL.inline(1));
        // Within each group only one of these is non-null, so the dialects' different null ordering cannot matter.
        var oldestWaiting = DSL.when(USERS.APPROVED.isFalse(), USERS.CREATED_AT);
        var newestMember = DSL.when(USERS.APPROVED.isTrue(), USERS.CREATED_AT);
        return tx.dsl().select(USERS.fields()).from(USERS)
                .join(ACCOUNTS).on(ACCOUNTS.ID.eq(USERS.ACCOUNT_ID))
                .where(c)
                .orderBy(pendingFirst, oldestWaiting.asc(), newestMember.desc(), USERS.ACCOUNT_ID.desc())
                .limit(limit).offset(offset)
                .fetch(UserRepository::toUser);
    }

    /** Reports no moderator has acted on yet (Mastodon's unresolved reports). */
    public int countOpenReports(Tx tx) {
        return tx.dsl().fetchCount(REPORTS, REPORTS.ACTION_TAKEN_AT.isNull());
    }

    /** The {@code limit} hosts with the longest current run of failed deliveries (unavailable ones first). */
    public List<RemoteHost> failingHosts(Tx tx, int limit) {
        return tx.dsl().selectFrom(REMOTE_HOSTS)
                .where(REMOTE_HOSTS.FAILURES.gt(0).or(REMOTE_HOSTS.UNAVAILABLE_SINCE.isNotNull()))
                .orderBy(REMOTE_HOSTS.UNAVAILABLE_SINCE.isNull(), REMOTE_HOSTS.FAILURES.desc(),
                        REMOTE_HOSTS.DOMAIN)
                .limit(limit)
                .fetch(r -> new RemoteHost(r.getDomain(), r.getFailures(), r.getFirstFailureAt(),
                        r.getLastFailureAt(), r.getResumeAt(),
                        r.getUnavailableSince() == null ? null : Instant.ofEpochMilli(r.getUnavailableSince()),
                        r.getLastSuccessAt()));
    }
}
