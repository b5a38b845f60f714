package social.starling.service.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import social.starling.config.Cidr;
import social.starling.db.Database;
import social.starling.db.SignupBlockRepository;
import social.starling.errors.NotFoundException;
import social.starling.errors.UnprocessableException;
import social.starling.model.CanonicalEmailBlock;
import social.starling.model.EmailDomainBlock;
import social.starling.model.IdGenerator;
import social.starling.model.IpBlock;
import social.starling.model.Page;
import social.starling.service.follow.AccountDomainBlockService;

/**
 * Staff manage the sign-up blocks (Mastodon's Admin::EmailDomainBlocks, Admin::IpBlocks and
 * Admin::CanonicalEmailBlocks controllers): each change is written to the audit log in its transaction, and an IP
 * block change drops this node's {@link SignupPolicy} snapshot at once.
 */
public final class SignupBlockService {
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    /** The parameters of an IP block; for an update, an absent one keeps its value ({@code expiresIn} empty = never). */
    public record IpBlockChange(Optional<String> ip, Optional<String> severity, Optional<String> comment,
                                Optional<Optional<Long>> expiresIn) {
    }

    /** One day of an e-mail domain block's refused sign-ups. */
    public record HistoryDay(Instant day, long accounts, long uses) {
    }

    private final Database db;
    private final SignupBlockRepository blocks;
    private final SignupPolicy policy;
    private final AuditLog audit;
    private final IdGenerator ids;
    private final Clock clock;

    public SignupBlockService(Database db, SignupBlockRepository blocks, SignupPolicy policy, AuditLog audit,
                              IdGenerator ids, Clock clock) {
        this.db = db;
        this.blocks = blocks;
        this.policy = policy;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    // --- e-mail domain blocks

    public List<EmailDomainBlock> emailDomains(Page page) {
        return db.read(tx -> blocks.emailDomainPage(tx, page));
    }

    public EmailDomainBlock emailDomain(long id) {
        return db.read(tx -> blocks.emailDomain(tx, id)).orElseThrow(SignupBlockService::notFound);
    }

    public EmailDomainBlock blockEmailDomain(long actorId, String rawDomain) {
        String domain = AccountDomainBlockService.normalise(rawDomain);
        EmailDomainBlock block = new EmailDomainBlock(ids.next(), domain, clock.instant());
        return db.inTransaction(tx -> {
            if (blocks.emailDomainByName(tx, domain).isPresent()) {
                throw new UnprocessableException("Validation failed: Domain has already been taken");
            }
            blocks.insertEmailDomain(tx, block);
            audit.record(tx, actorId, "create", "EmailDomainBlock", block.id(), domain);
            return block;
        });
    }

    public EmailDomainBlock unblockEmailDomain(long actorId, long id) {
        return db.inTransaction(tx -> {
            EmailDomainBlock block = blocks.emailDomain(tx, id).orElseThrow(SignupBlockService::notFound);
            blocks.deleteEmailDomain(tx, id);
            audit.record(tx, actorId, "destroy", "EmailDomainBlock", id, block.domain());
            return block;
        });
    }

    /**
     * The block's last seven days (today first), as Mastodon's history: {@code uses} refused sign-ups and
     * {@code accounts} distinct addresses they came from.
     */
    public List<HistoryDay> history(EmailDomainBlock block) {
        Instant today = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        Instant since = today.minus(Duration.ofDays(6));
        List<SignupBlockRepository.DayCount> counts = db.read(tx -> blocks.attemptsByDay(tx, block.id(), since));
        List<HistoryDay> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Instant day = today.minus(Duration.ofDays(i));
            var count = counts.stream().filter(c -> c.dayStartMillis() == day.toEpochMilli()).findFirst();
            days.add(new HistoryDay(day, count.map(SignupBlockRepository.DayCount::accounts).orElse(0L),
                    count.map(SignupBlockRepository.DayCount::uses).orElse(0L)));
        }
        return days;
    }

    // --- IP blocks

    public List<IpBlock> ips(Page page) {
        return db.read(tx -> blocks.ipPage(tx, page));
    }

    public IpBlock ip(long id) {
        return db.read(tx -> blocks.ip(tx, id)).orElseThrow(SignupBlockService::notFound);
    }

    public IpBlock blockIp(long actorId, IpBlockChange change) {
        List<String> errors = new ArrayList<>();
        String ip = range(change.ip().orElse("0.0.0.0/32"), errors);
        IpBlock.Severity severity = severity(change.severity(), true, errors);
        Instant now = clock.instant();
        IpBlock created = db.inTransaction(tx -> {
            if (ip != null && blocks.ipByRange(tx, ip).isPresent()) {
                errors.add("Ip has already been taken");
            }
            failIf(errors);
            IpBlock block = new IpBlock(ids.next(), ip, severity, change.comment().orElse(""),
                    change.expiresIn().flatMap(e -> e).map(now::plusSeconds).orElse(null), now);
            blocks.insertIp(tx, block);
            audit.record(tx, actorId, "create", "IpBlock", block.id(), ip);
            return block;
        });
        policy.invalidate(); // after the commit, so a reload cannot read the table without it
        return created;
    }

    public IpBlock updateIp(long actorId, long id, IpBlockChange change) {
        Instant now = clock.instant();
        IpBlock updated = db.inTransaction(tx -> {
            IpBlock block = blocks.ip(tx, id).orElseThrow(SignupBlockService::notFound);
            List<String> errors = new ArrayList<>();
            String ip = change.ip().isPresent() ? range(change.ip().get(), errors) : block.ip();
            IpBlock.Severity severity = change.severity().isPresent() ? severity(change.severity(), true, errors)
                    : block.severity();
            if (ip != null && !ip.equals(block.ip()) && blocks.ipByRange(tx, ip).isPresent()) {
                errors.add("Ip has already been taken");
            }
            failIf(errors);
            Instant expiresAt = change.expiresIn().isPresent()
                    ? change.expiresIn().get().map(now::plusSeconds).orElse(null) : block.expiresAt();
            IpBlock next = new IpBlock(id, ip, severity, change.comment().orElse(block.comment()), expiresAt,
                    block.createdAt());
            blocks.updateIp(tx, next, now);
            audit.record(tx, actorId, "update", "IpBlock", id, ip);
            return next;
        });
        policy.invalidate();
        return updated;
    }

    public IpBlock unblockIp(long actorId, long id) {
        IpBlock removed = db.inTransaction(tx -> {
            IpBlock block = blocks.ip(tx, id).orElseThrow(SignupBlockService::notFound);
            blocks.deleteIp(tx, id);
            audit.record(tx, actorId, "destroy", "IpBlock", id, block.ip());
            return block;
        });
        policy.invalidate();
        return removed;
    }

    /** Deletes expired IP blocks (the recurring purge, as Mastodon's IpCleanupScheduler). */
    public int purgeExpired() {
        int purged = db.inTransaction(tx -> blocks.deleteExpiredIps(tx, clock.instant()));
        if (purged > 0) {
            policy.invalidate();
        }
        return purged;
    }

    // --- canonical e-mail blocks

    public List<CanonicalEmailBlock> canonicals(Page page) {
        return db.read(tx -> blocks.canonicalPage(tx, page));
    }

    public CanonicalEmailBlock canonical(long id) {
        return db.read(tx -> blocks.canonical(tx, id)).orElseThrow(SignupBlockService::notFound);
    }

    /** The blocks matching {@code email} once canonicalised and hashed (Mastodon's {@code /test}). */
    public List<CanonicalEmailBlock> test(String email) {
        String hash = CanonicalEmail.hash(email);
        return db.read(tx -> blocks.canonicalByHash(tx, hash));
    }

    /** Blocks {@code email} (canonicalised and hashed) or, without it, {@code hash} as given. */
    public CanonicalEmailBlock blockCanonical(long actorId, String email, String hash) {
        String value;
        if (email != null && !email.isBlank()) {
            value = CanonicalEmail.hash(email);
        } else if (hash == null || hash.isBlank()) {
            throw new UnprocessableException("Validation failed: Canonical email hash can't be blank");
        } else {
            value = hash.strip().toLowerCase(java.util.Locale.ROOT);
            if (!HASH.matcher(value).matches()) {
                throw new UnprocessableException("Validation failed: Canonical email hash is invalid");
            }
        }
        CanonicalEmailBlock block = new CanonicalEmailBlock(ids.next(), value, null, clock.instant());
        return db.inTransaction(tx -> {
            if (!blocks.canonicalByHash(tx, value).isEmpty()) {
                throw new UnprocessableException("Validation failed: Canonical email hash has already been taken");
            }
            blocks.insertCanonical(tx, block);
            audit.record(tx, actorId, "create", "CanonicalEmailBlock", block.id(), value);
            return block;
        });
    }

    public CanonicalEmailBlock unblockCanonical(long actorId, long id) {
        return db.inTransaction(tx -> {
            CanonicalEmailBlock block = blocks.canonical(tx, id).orElseThrow(SignupBlockService::notFound);
            blocks.deleteCanonical(tx, id);
            audit.record(tx, actorId, "destroy", "CanonicalEmailBlock", id, block.canonicalEmailHash());
            return block;
        });
    }

    private static String range(String raw, List<String> errors) {
        if (raw.isBlank()) {
            errors.add("Ip can't be blank");
            return null;
        }
        try {
            return Cidr.parse(raw).toString();
        } catch (IllegalArgumentException e) {
            errors.add("Ip is invalid");
            return null;
        }
    }

    private static IpBlock.Severity severity(Optional<String> raw, boolean required, List<String> errors) {
        if (raw.isEmpty() || raw.get().isBlank()) {
            if (required) {
                errors.add("Severity can't be blank");
            }
            return null;
        }
        Optional<IpBlock.Severity> severity = IpBlock.Severity.fromApi(raw.get().strip());
        if (severity.isEmpty()) {
            errors.add("Severity is not included in the list");
        }
        return severity.orElse(null);
    }

    private static void failIf(List<String> errors) {
        if (!errors.isEmpty()) {
            throw new UnprocessableException("Validation failed: " + String.join(", ", errors));
        }
    }

    private static NotFoundException notFound() {
        return new NotFoundException("Record not found");
    }
}
