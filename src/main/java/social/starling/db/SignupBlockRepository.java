package social.starling.db;

import static social.starling.db.schema.Tables.CANONICAL_EMAIL_BLOCKS;
import static social.starling.db.schema.Tables.EMAIL_DOMAIN_BLOCKS;
import static social.starling.db.schema.Tables.EMAIL_DOMAIN_BLOCK_ATTEMPTS;
import static social.starling.db.schema.Tables.IP_BLOCKS;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.impl.DSL;
import social.starling.model.CanonicalEmailBlock;
import social.starling.model.EmailDomainBlock;
import social.starling.model.IpBlock;
import social.starling.model.Page;
import social.starling.db.schema.tables.records.CanonicalEmailBlocksRecord;
import social.starling.db.schema.tables.records.EmailDomainBlocksRecord;
import social.starling.db.schema.tables.records.IpBlocksRecord;

/** E-mail domain blocks (with their refused attempts), IP blocks and canonical e-mail blocks. */
public final class SignupBlockRepository {
    private static final long DAY_MILLIS = 86_400_000L;

    /** Refused sign-ups of one block on one day (the day as epoch milliseconds at midnight UTC). */
    public record DayCount(long dayStartMillis, long uses, long accounts) {
    }

    // --- e-mail domain blocks

    public List<EmailDomainBlock> emailDomainPage(Tx tx, Page page) {
        return Paging.fetch(tx.dsl().selectFrom(EMAIL_DOMAIN_BLOCKS).where(DSL.noCondition()), EMAIL_DOMAIN_BLOCKS.ID,
                page).stream().map(SignupBlockRepository::emailDomain).toList();
    }

    public Optional<EmailDomainBlock> emailDomain(Tx tx, long id) {
        return tx.dsl().selectFrom(EMAIL_DOMAIN_BLOCKS).where(EMAIL_DOMAIN_BLOCKS.ID.eq(id)).fetchOptional()
                .map(SignupBlockRepository::emailDomain);
    }

    public Optional<EmailDomainBlock> emailDomainByName(Tx tx, String domain) {
        return tx.dsl().selectFrom(EMAIL_DOMAIN_BLOCKS).where(EMAIL_DOMAIN_BLOCKS.DOMAIN.eq(domain)).fetchOptional()
                .map(SignupBlockRepository::emailDomain);
    }

    /** The blocks among {@code domains} (a domain and its parents), most specific (longest) first. */
    public List<EmailDomainBlock> emailDomainsAmong(Tx tx, Collection<String> domains) {
        return tx.dsl().selectFrom(EMAIL_DOMAIN_BLOCKS).where(EMAIL_DOMAIN_BLOCKS.DOMAIN.in(domains)).fetch()
                .stream().map(SignupBlockRepository::emailDomain)
                .sorted((a, b) -> Integer.compare(b.domain().length(), a.domain().length())).toList();
    }

    public void insertEmailDomain(Tx tx, EmailDomainBlock block) {
        tx.dsl().insertInto(EMAIL_DOMAIN_BLOCKS).set(EMAIL_DOMAIN_BLOCKS.ID, block.id())
                .set(EMAIL_DOMAIN_BLOCKS.DOMAIN, block.domain()).set(EMAIL_DOMAIN_BLOCKS.CREATED_AT, block.createdAt())
                .execute();
    }

    public boolean deleteEmailDomain(Tx tx, long id) {
        return tx.dsl().deleteFrom(EMAIL_DOMAIN_BLOCKS).where(EMAIL_DOMAIN_BLOCKS.ID.eq(id)).execute() == 1;
    }

    public void insertAttempt(Tx tx, long id, long blockId, String ip, Instant at) {
        tx.dsl().insertInto(EMAIL_DOMAIN_BLOCK_ATTEMPTS).set(EMAIL_DOMAIN_BLOCK_ATTEMPTS.ID, id)
                .set(EMAIL_DOMAIN_BLOCK_ATTEMPTS.EMAIL_DOMAIN_BLOCK_ID, blockId)
                .set(EMAIL_DOMAIN_BLOCK_ATTEMPTS.IP, ip).set(EMAIL_DOMAIN_BLOCK_ATTEMPTS.CREATED_AT, at).execute();
    }

    /** Per UTC day from {@code since}: attempts (uses) and distinct addresses (accounts), days without any left out. */
    public List<DayCount> attemptsByDay(Tx tx, long blockId, Instant since) {
        Field<Long> millis = DSL.field(EMAIL_DOMAIN_BLOCK_ATTEMPTS.CREATED_AT.getQualifiedName(), Long.class);
        Field<Long> day = millis.div(DSL.inline(DAY_MILLIS)); // inline: PostgreSQL must see the same expression twice
        return tx.dsl().select(day, DSL.count().cast(Long.class),
                        DSL.countDistinct(EMAIL_DOMAIN_BLOCK_ATTEMPTS.IP).cast(Long.class))
                .from(EMAIL_DOMAIN_BLOCK_ATTEMPTS)
                .where(EMAIL_DOMAIN_BLOCK_ATTEMPTS.EMAIL_DOMAIN_BLOCK_ID.eq(blockId))
                .and(EMAIL_DOMAIN_BLOCK_ATTEMPTS.CREATED_AT.ge(since))
                .groupBy(day)
                .fetch((Record3<Long, Long, Long> r) -> new DayCount(r.value1() * DAY_MILLIS, r.value2(), r.value3()));
    }

    // --- IP blocks

    public List<IpBlock> ipPage(Tx tx, Page page) {
        return Paging.fetch(tx.dsl().selectFrom(IP_BLOCKS).where(DSL.noCondition()), IP_BLOCKS.ID, page).stream()
                .map(SignupBlockRepository::ip).toList();
    }

    /** Every block that has not expired at {@code now}. */
    public List<IpBlock> activeIps(Tx tx, Instant now) {
        return tx.dsl().selectFrom(IP_BLOCKS).where(IP_BLOCKS.EXPIRES_AT.isNull().or(IP_BLOCKS.EXPIRES_AT.gt(now)))
                .fetch(SignupBlockRepository::ip);
    }

    public Optional<IpBlock> ip(Tx tx, long id) {
        return tx.dsl().selectFrom(IP_BLOCKS).where(IP_BLOCKS.ID.eq(id)).fetchOptional()
                .map(SignupBlockRepository::ip);
    }

    public Optional<IpBlock> ipByRange(Tx tx, String ip) {
        return tx.dsl().selectFrom(IP_BLOCKS).where(IP_BLOCKS.IP.eq(ip)).fetchOptional()
                .map(SignupBlockRepository::ip);
    }

    public void insertIp(Tx tx, IpBlock block) {
        tx.dsl().insertInto(IP_BLOCKS).set(IP_BLOCKS.ID, block.id()).set(IP_BLOCKS.IP, block.ip())
                .set(IP_BLOCKS.SEVERITY, block.severity().apiName()).set(IP_BLOCKS.COMMENT, block.comment())
                .set(IP_BLOCKS.EXPIRES_AT, block.expiresAt()).set(IP_BLOCKS.CREATED_AT, block.createdAt())
                .set(IP_BLOCKS.UPDATED_AT, block.createdAt()).execute();
    }

    public void updateIp(Tx tx, IpBlock block, Instant now) {
        tx.dsl().update(IP_BLOCKS).set(IP_BLOCKS.IP, block.ip()).set(IP_BLOCKS.SEVERITY, block.severity().apiName())
                .set(IP_BLOCKS.COMMENT, block.comment()).set(IP_BLOCKS.EXPIRES_AT, block.expiresAt())
                .set(IP_BLOCKS.UPDATED_AT, now).where(IP_BLOCKS.ID.eq(block.id())).execute();
    }

    public boolean deleteIp(Tx tx, long id) {
        return tx.dsl().deleteFrom(IP_BLOCKS).where(IP_BLOCKS.ID.eq(id)).execute() == 1;
    }

    /** Deletes blocks that expired before {@code now}; returns how many. */
    public int deleteExpiredIps(Tx tx, Instant now) {
        return tx.dsl().deleteFrom(IP_BLOCKS).where(IP_BLOCKS.EXPIRES_AT.le(now)).execute();
    }

    // --- canonical e-mail blocks

    public List<CanonicalEmailBlock> canonicalPage(Tx tx, Page page) {
        return Paging.fetch(tx.dsl().selectFrom(CANONICAL_EMAIL_BLOCKS).where(DSL.noCondition()),
                CANONICAL_EMAIL_BLOCKS.ID, page).stream().map(SignupBlockRepository::canonical).toList();
    }

    public Optional<CanonicalEmailBlock> canonical(Tx tx, long id) {
        return tx.dsl().selectFrom(CANONICAL_EMAIL_BLOCKS).where(CANONICAL_EMAIL_BLOCKS.ID.eq(id)).fetchOptional()
                .map(SignupBlockRepository::canonical);
    }

    public List<CanonicalEmailBlock> canonicalByHash(Tx tx, String hash) {
        return tx.dsl().selectFrom(CANONICAL_EMAIL_BLOCKS).where(CANONICAL_EMAIL_BLOCKS.CANONICAL_EMAIL_HASH.eq(hash))
                .fetch(SignupBlockRepository::canonical);
    }

    public void insertCanonical(Tx tx, CanonicalEmailBlock block) {
        tx.dsl().insertInto(CANONICAL_EMAIL_BLOCKS).set(CANONICAL_EMAIL_BLOCKS.ID, block.id())
                .set(CANONICAL_EMAIL_BLOCKS.CANONICAL_EMAIL_HASH, block.canonicalEmailHash())
                .set(CANONICAL_EMAIL_BLOCKS.REFERENCE_ACCOUNT_ID, block.referenceAccountId())
                .set(CANONICAL_EMAIL_BLOCKS.CREATED_AT, block.createdAt()).execute();
    }

    public boolean deleteCanonical(Tx tx, long id) {
        return tx.dsl().deleteFrom(CANONICAL_EMAIL_BLOCKS).where(CANONICAL_EMAIL_BLOCKS.ID.eq(id)).execute() == 1;
    }

    private static EmailDomainBlock emailDomain(EmailDomainBlocksRecord r) {
        return new EmailDomainBlock(r.getId(), r.getDomain(), r.getCreatedAt());
    }

    private static IpBlock ip(IpBlocksRecord r) {
        return new IpBlock(r.getId(), r.getIp(), IpBlock.Severity.fromApi(r.getSeverity()).orElse(IpBlock.Severity.NO_ACCESS),
                r.getComment(), r.getExpiresAt(), r.getCreatedAt());
    }

    private static CanonicalEmailBlock canonical(CanonicalEmailBlocksRecord r) {
        return new CanonicalEmailBlock(r.getId(), r.getCanonicalEmailHash(), r.getReferenceAccountId(),
                r.getCreatedAt());
    }
}
