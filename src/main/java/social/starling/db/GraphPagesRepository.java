package social.starling.db;

import static social.starling.db.schema.Tables.ACCOUNTS;
import static social.starling.db.schema.Tables.ACCOUNT_DOMAIN_BLOCKS;
import static social.starling.db.schema.Tables.ACCOUNT_PINS;
import static social.starling.db.schema.Tables.BLOCKS;
import static social.starling.db.schema.Tables.FOLLOWS;
import static social.starling.db.schema.Tables.FOLLOW_REQUESTS;
import static social.starling.db.schema.Tables.MUTES;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.SelectConditionStep;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import social.starling.model.Page;

/**
 * Pages of the social graph as Mastodon lists them, each paged by the id of the relation (the follow, the request,
 * the block, the mute), never by the account's: followers, following, follow requests, blocks, mutes; and the
 * per-user domain blocks. Suspended accounts are left out of account pages.
 */
public final class GraphPagesRepository {
    /** One row of a page: the relation's id (for paging), the other account, and a mute's expiry. */
    public record Entry(long pagingId, long accountId, Instant expiresAt) {
    }

    /** A blocked domain with the block's id. */
    public record DomainBlock(long id, String domain) {
    }

    private static final Field<Instant> NO_EXPIRY = DSL.castNull(MUTES.EXPIRES_AT);

    public List<Entry> followers(Tx tx, long accountId, Page page) {
        return accounts(tx, FOLLOWS.ID, FOLLOWS.ACCOUNT_ID, NO_EXPIRY,
                FOLLOWS.TARGET_ACCOUNT_ID.eq(accountId), page);
    }

    public List<Entry> following(Tx tx, long accountId, Page page) {
        return accounts(tx, FOLLOWS.ID, FOLLOWS.TARGET_ACCOUNT_ID, NO_EXPIRY,
                FOLLOWS.ACCOUNT_ID.eq(accountId), page);
    }

    /** Pending requests to follow {@code accountId}. */
    public List<Entry> requests(Tx tx, long accountId, Page page) {
        return accounts(tx, FOLLOW_REQUESTS.ID, FOLLOW_REQUESTS.ACCOUNT_ID, NO_EXPIRY,
                FOLLOW_REQUESTS.TARGET_ACCOUNT_ID.eq(accountId), page);
    }

    public List<Entry> blocks(Tx tx, long accountId, Page page) {
        return accounts(tx, BLOCKS.ID, BLOCKS.TARGET_ACCOUNT_ID, NO_EXPIRY,
                BLOCKS.ACCOUNT_ID.eq(accountId), page);
    }

    /** Accounts {@code accountId} endorses (Mastodon's account_pins), by endorsement id. */
    public List<Entry> endorsements(Tx tx, long accountId, Page page) {
        return accounts(tx, ACCOUNT_PINS.ID, ACCOUNT_PINS.TARGET_ACCOUNT_ID, NO_EXPIRY,
                ACCOUNT_PINS.ACCOUNT_ID.eq(accountId), page);
    }

    /** Mutes still in force at {@code now}. */
    public List<Entry> mutes(Tx tx, long accountId, Instant now, Page page) {
        return accounts(tx, MUTES.ID, MUTES.TARGET_ACCOUNT_ID, MUTES.EXPIRES_AT,
                MUTES.ACCOUNT_ID.eq(accountId).and(MUTES.EXPIRES_AT.isNull().or(MUTES.EXPIRES_AT.gt(now))), page);
    }

    /** Rows of the relation table {@code id} belongs to, joined to the other account, paged by {@code id}. */
    private List<Entry> accounts(Tx tx, TableField<?, Long> id, Field<Long> other, Field<Instant> expires,
                                 Condition where, Page page) {
        SelectConditionStep<Record3<Long, Long, Instant>> q = tx.dsl().select(id, other, expires)
                .from(id.getTable())
                .join(ACCOUNTS).on(ACCOUNTS.ID.eq(other))
                .where(where).and(ACCOUNTS.SUSPENDED_AT.isNull());
        return Paging.fetch(q, id, page).stream()
                .map(r -> new Entry(r.value1(), r.value2(), r.value3())).toList();
    }

    // Mute expiry -------------------------------------------------------------------------------------------

    /** Accounts with a mute that has run out by {@code now} (their relations caches need evicting). */
    public List<Long> accountsWithExpiredMutes(Tx tx, Instant now) {
        return tx.dsl().selectDistinct(MUTES.ACCOUNT_ID).from(MUTES).where(MUTES.EXPIRES_AT.le(now))
                .fetch(MUTES.ACCOUNT_ID);
    }

    public int deleteExpiredMutes(Tx tx, Instant now) {
        return tx.dsl().deleteFrom(MUTES).where(MUTES.EXPIRES_AT.le(now)).execute();
    }

    // Domain blocks ------------------------------------------------------------------------------------------

    /** Blocks a domain (already lower-cased); blocking it again changes nothing. */
    public void insertDomainBlock(Tx tx, long id, long accountId, String domain, Instant now) {
        tx.dsl().insertInto(ACCOUNT_DOMAIN_BLOCKS)
                .set(ACCOUNT_DOMAIN_BLOCKS.ID, id)
                .set(ACCOUNT_DOMAIN_BLOCKS.ACCOUNT_ID, accountId)
                .set(ACCOUNT_DOMAIN_BLOCKS.DOMAIN, domain)
                .set(ACCOUNT_DOMAIN_BLOCKS.CREATED_AT, now)
                .onConflict(ACCOUNT_DOMAIN_BLOCKS.ACCOUNT_ID, ACCOUNT_DOMAIN_BLOCKS.DOMAIN).doNothing()
                .execute();
    }

    public boolean deleteDomainBlock(Tx tx, long accountId, String domain) {
        return tx.dsl().deleteFrom(ACCOUNT_DOMAIN_BLOCKS).where(ACCOUNT_DOMAIN_BLOCKS.ACCOUNT_ID.eq(accountId))
                .and(ACCOUNT_DOMAIN_BLOCKS.DOMAIN.eq(domain)).execute() == 1;
    }

    public List<DomainBlock> domainBlocks(Tx tx, long accountId, Page page) {
        var q = tx.dsl().select(ACCOUNT_DOMAIN_BLOCKS.ID, ACCOUNT_DOMAIN_BLOCKS.DOMAIN).from(ACCOUNT_DOMAIN_BLOCKS)
                .where(ACCOUNT_DOMAIN_BLOCKS.ACCOUNT_ID.eq(accountId));
        return Paging.fetch(q, ACCOUNT_DOMAIN_BLOCKS.ID, page).stream()
                .map(r -> new DomainBlock(r.value1(), r.value2())).toList();
    }

    /** Accounts on {@code domain} that follow {@code accountId}. */
    public List<Long> followersOn(Tx tx, long accountId, String domain) {
        return tx.dsl().select(FOLLOWS.ACCOUNT_ID).from(FOLLOWS).join(ACCOUNTS).on(ACCOUNTS.ID.eq(FOLLOWS.ACCOUNT_ID))
                .where(FOLLOWS.TARGET_ACCOUNT_ID.eq(accountId)).and(ACCOUNTS.DOMAIN.eq(domain.toLowerCase(Locale.ROOT)))
                .fetch(FOLLOWS.ACCOUNT_ID);
    }

    /** Accounts on {@code domain} with a pending request to follow {@code accountId}. */
    public List<Long> requestersOn(Tx tx, long accountId, String domain) {
        return tx.dsl().select(FOLLOW_REQUESTS.ACCOUNT_ID).from(FOLLOW_REQUESTS)
                .join(ACCOUNTS).on(ACCOUNTS.ID.eq(FOLLOW_REQUESTS.ACCOUNT_ID))
                .where(FOLLOW_REQUESTS.TARGET_ACCOUNT_ID.eq(accountId))
                .and(ACCOUNTS.DOMAIN.eq(domain.toLowerCase(Locale.ROOT)))
                .fetch(FOLLOW_REQUESTS.ACCOUNT_ID);
    }
}
