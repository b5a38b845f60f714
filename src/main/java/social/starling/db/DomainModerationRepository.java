package social.starling.db;

import static social.starling.db.schema.Tables.ACCOUNTS;
import static social.starling.db.schema.Tables.DOMAIN_ALLOWS;
import static social.starling.db.schema.Tables.DOMAIN_BLOCKS;
import static social.starling.db.schema.Tables.FOLLOWS;
import static social.starling.db.schema.Tables.FOLLOW_REQUESTS;

import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Record;
import social.starling.model.DomainAllow;
import social.starling.model.DomainBlock;
import social.starling.model.Page;

/** Server-wide domain blocks and allows (Mastodon's domain_blocks, domain_allows), and the accounts they cover. */
public final class DomainModerationRepository {

    /** Accounts on {@code domain} or any of its subdomains (a port-qualified domain matches only itself). */
    public static Condition onDomain(String domain) {
        return ACCOUNTS.DOMAIN.eq(domain).or(ACCOUNTS.DOMAIN.like("%." + escape(domain), '\\'))
                .or(ACCOUNTS.DOMAIN.like(escape(domain) + ":%", '\\'));
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public List<DomainBlock> allBlocks(Tx tx) {
        return tx.dsl().selectFrom(DOMAIN_BLOCKS).orderBy(DOMAIN_BLOCKS.ID).fetch(this::toBlock);
    }

    public List<DomainBlock> blockPage(Tx tx, Page page) {
        return Paging.fetch(tx.dsl().selectFrom(DOMAIN_BLOCKS).where(org.jooq.impl.DSL.noCondition()),
                DOMAIN_BLOCKS.ID, page).stream().map(this::toBlock).toList();
    }

    public Optional<DomainBlock> findBlock(Tx tx, long id) {
        return tx.dsl().selectFrom(DOMAIN_BLOCKS).where(DOMAIN_BLOCKS.ID.eq(id)).fetchOptional(this::toBlock);
    }

    public Optional<DomainBlock> findBlockByDomain(Tx tx, String domain) {
        return tx.dsl().selectFrom(DOMAIN_BLOCKS).where(DOMAIN_BLOCKS.DOMAIN.eq(domain))
                .fetchOptional(this::toBlock);
    }

    public void insertBlock(Tx tx, DomainBlock b) {
        tx.dsl().insertInto(DOMAIN_BLOCKS)
                .set(DOMAIN_BLOCKS.ID, b.id())
                .set(DOMAIN_BLOCKS.DOMAIN, b.domain())
                .set(DOMAIN_BLOCKS.SEVERITY, b.severity().wireName())
                .set(DOMAIN_BLOCKS.REJECT_MEDIA, b.rejectMedia())
                .set(DOMAIN_BLOCKS.REJECT_REPORTS, b.rejectReports())
                .set(DOMAIN_BLOCKS.PRIVATE_COMMENT, b.privateComment())
                .set(DOMAIN_BLOCKS.PUBLIC_COMMENT, b.publicComment())
                .set(DOMAIN_BLOCKS.OBFUSCATE, b.obfuscate())
                .set(DOMAIN_BLOCKS.CREATED_AT, b.createdAt())
                .set(DOMAIN_BLOCKS.UPDATED_AT, b.updatedAt())
                .execute();
    }

    public void updateBlock(Tx tx, DomainBlock b) {
        tx.dsl().update(DOMAIN_BLOCKS)
                .set(DOMAIN_BLOCKS.SEVERITY, b.severity().wireName())
                .set(DOMAIN_BLOCKS.REJECT_MEDIA, b.rejectMedia())
                .set(DOMAIN_BLOCKS.REJECT_REPORTS, b.rejectReports())
                .set(DOMAIN_BLOCKS.PRIVATE_COMMENT, b.privateComment())
                .set(DOMAIN_BLOCKS.PUBLIC_COMMENT, b.publicComment())
                .set(DOMAIN_BLOCKS.OBFUSCATE, b.obfuscate())
                .set(DOMAIN_BLOCKS.UPDATED_AT, b.updatedAt())
                .where(DOMAIN_BLOCKS.ID.eq(b.id()))
                .execute();
    }

    public boolean deleteBlock(Tx tx, long id) {
        return tx.dsl().deleteFrom(DOMAIN_BLOCKS).where(DOMAIN_BLOCKS.ID.eq(id)).execute() == 1;
    }

    public List<DomainAllow> allAllows(Tx tx) {
        return tx.dsl().selectFrom(DOMAIN_ALLOWS).orderBy(DOMAIN_ALLOWS.ID).fetch(this::toAllow);
    }

    public List<DomainAllow> allowPage(Tx tx, Page page) {
        return Paging.fetch(tx.dsl().selectFrom(DOMAIN_ALLOWS).where(org.jooq.impl.DSL.noCondition()),
                DOMAIN_ALLOWS.ID, page).stream().map(this::toAllow).toList();
    }

    public Optional<DomainAllow> findAllow(Tx tx, long id) {
        return tx.dsl().selectFrom(DOMAIN_ALLOWS).where(DOMAIN_ALLOWS.ID.eq(id)).fetchOptional(this::toAllow);
    }

    public Optional<DomainAllow> findAllowByDomain(Tx tx, String domain) {
        return tx.dsl().selectFrom(DOMAIN_ALLOWS).where(DOMAIN_ALLOWS.DOMAIN.eq(domain)).fetchOptional(this::toAllow);
    }

    public void insertAllow(Tx tx, DomainAllow a) {
        tx.dsl().insertInto(DOMAIN_ALLOWS)
                .set(DOMAIN_ALLOWS.ID, a.id())
                .set(DOMAIN_ALLOWS.DOMAIN, a.domain())
                .set(DOMAIN_ALLOWS.CREATED_AT, a.createdAt())
                .execute();
    }

    public boolean deleteAllow(Tx tx, long id) {
        return tx.dsl().deleteFrom(DOMAIN_ALLOWS).where(DOMAIN_ALLOWS.ID.eq(id)).execute() == 1;
    }

    /** Ids of the accounts on the domain (and its subdomains). */
    public List<Long> accountIds(Tx tx, String domain) {
        return tx.dsl().select(ACCOUNTS.ID).from(ACCOUNTS).where(ACCOUNTS.DOMAIN.ne("")).and(onDomain(domain))
                .fetch(ACCOUNTS.ID);
    }

    /** Follows (and follow requests) between a local account and one on the domain: {follower, target} pairs. */
    public List<long[]> followsWithDomain(Tx tx, String domain) {
        List<Long> remote = accountIds(tx, domain);
        if (remote.isEmpty()) {
            return List.of();
        }
        var rows = new java.util.ArrayList<long[]>();
        tx.dsl().select(FOLLOWS.ACCOUNT_ID, FOLLOWS.TARGET_ACCOUNT_ID).from(FOLLOWS)
                .where(FOLLOWS.ACCOUNT_ID.in(remote).or(FOLLOWS.TARGET_ACCOUNT_ID.in(remote)))
                .forEach(r -> rows.add(new long[] {r.value1(), r.value2()}));
        return rows;
    }

    /** Deletes pending follow requests to or from the domain's accounts; returns how many. */
    public int deleteRequestsWithDomain(Tx tx, String domain) {
        List<Long> remote = accountIds(tx, domain);
        if (remote.isEmpty()) {
            return 0;
        }
        return tx.dsl().deleteFrom(FOLLOW_REQUESTS).where(FOLLOW_REQUESTS.ACCOUNT_ID.in(remote)
                .or(FOLLOW_REQUESTS.TARGET_ACCOUNT_ID.in(remote))).execute();
    }

    private DomainBlock toBlock(Record r) {
        return new DomainBlock(r.get(DOMAIN_BLOCKS.ID), r.get(DOMAIN_BLOCKS.DOMAIN),
                DomainBlock.Severity.parse(r.get(DOMAIN_BLOCKS.SEVERITY)), r.get(DOMAIN_BLOCKS.REJECT_MEDIA),
                r.get(DOMAIN_BLOCKS.REJECT_REPORTS), r.get(DOMAIN_BLOCKS.PRIVATE_COMMENT),
                r.get(DOMAIN_BLOCKS.PUBLIC_COMMENT), r.get(DOMAIN_BLOCKS.OBFUSCATE), r.get(DOMAIN_BLOCKS.CREATED_AT),
                r.get(DOMAIN_BLOCKS.UPDATED_AT));
    }

    private DomainAllow toAllow(Record r) {
        return new DomainAllow(r.get(DOMAIN_ALLOWS.ID), r.get(DOMAIN_ALLOWS.DOMAIN), r.get(DOMAIN_ALLOWS.CREATED_AT));
    }
}
