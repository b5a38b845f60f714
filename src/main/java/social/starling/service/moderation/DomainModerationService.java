package social.starling.service.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.DomainModerationRepository;
import social.starling.db.RelationshipRepository;
import social.starling.db.Tx;
import social.starling.errors.NotFoundException;
import social.starling.errors.UnprocessableException;
import social.starling.model.DomainAllow;
import social.starling.model.DomainBlock;
import social.starling.model.DomainBlock.Severity;
import social.starling.model.IdGenerator;
import social.starling.model.Page;
import social.starling.service.event.DomainPolicyChanged;
import social.starling.service.event.Events;

/**
 * Server-wide domain blocks and allows, as staff change them (admin API, command line). Each change is written
 * with its audit log entry and its effect on the domain's accounts in one transaction, then every node's
 * {@link DomainPolicy} reloads:
 * <ul>
 *   <li>silence (limit): the domain's accounts get {@code silenced_at} = the block's {@code created_at};</li>
 *   <li>suspend: they get {@code suspended_at} = the block's {@code created_at} (their content leaves every
 *       timeline, which already skip suspended accounts), and the follows and follow requests between them and
 *       local accounts are severed (quietly, as Mastodon's BlockDomainService: nothing is sent to a suspended
 *       domain);</li>
 *   <li>lifting the block (or lowering its severity) clears exactly the marks carrying the block's
 *       {@code created_at}, as Mastodon's UnblockDomainService does: accounts silenced or suspended on their own
 *       stay so. Severed follows are not restored.</li>
 * </ul>
 */
public final class DomainModerationService {
    /** A new block or the change to one; null fields are "as before" (on create: Mastodon's defaults). */
    public record BlockChange(String domain, Severity severity, Boolean rejectMedia, Boolean rejectReports,
                              String privateComment, String publicComment, Boolean obfuscate) {
    }

    public static final int MAX_COMMENT = 1_000;

    private final Database db;
    private final DomainModerationRepository domains;
    private final AccountRepository accounts;
    private final RelationshipRepository relationships;
    private final AuditLog audit;
    private final Events events;
    private final DomainPolicy policy;
    private final IdGenerator ids;
    private final Clock clock;

    public DomainModerationService(Database db, DomainModerationRepository domains, AccountRepository accounts,
                                   RelationshipRepository relationships, AuditLog audit, Events events,
                                   DomainPolicy policy, IdGenerator ids, Clock clock) {
        this.db = db;
        this.domains = domains;
        this.accounts = accounts;
        this.relationships = relationships;
        this.audit = audit;
        this.events = events;
        this.policy = policy;
        this.ids = ids;
        this.clock = clock;
    }

    public List<DomainBlock> blocks(Page page) {
        return db.read(tx -> domains.blockPage(tx, page));
    }

    public List<DomainBlock> allBlocks() {
        return db.read(domains::allBlocks);
    }

    public DomainBlock block(long id) {
        return db.read(tx -> domains.findBlock(tx, id)).orElseThrow(() -> new NotFoundException("Record not found"));
    }

    public Optional<DomainBlock> blockByDomain(String domain) {
        return DomainPolicy.normalize(domain).flatMap(d -> db.read(tx -> domains.findBlockByDomain(tx, d)));
    }

    /** Blocks a domain; 422 for a missing, invalid or already blocked domain. */
    public DomainBlock create(long actorId, BlockChange c) {
        String domain = requireDomain(c.domain());
        Instant now = clock.instant();
        DomainBlock block = new DomainBlock(ids.next(), domain, c.severity() == null ? Severity.SILENCE : c.severity(),
                Boolean.TRUE.equals(c.rejectMedia()), Boolean.TRUE.equals(c.rejectReports()),
                comment(c.privateComment()), comment(c.publicComment()), Boolean.TRUE.equals(c.obfuscate()), now, now);
        return db.inTransaction(tx -> {
            if (domains.findBlockByDomain(tx, domain).isPresent()) {
                throw new UnprocessableException("Validation failed: Domain has already been taken");
            }
            // As Mastodon's create: a subdomain's block must be stricter than the parent's that covers it already.
            for (String parent : DomainPolicy.candidates(domain)) {
                Optional<DomainBlock> covering = domains.findBlockByDomain(tx, parent);
                if (covering.isPresent() && !stricter(block, covering.get())) {
                    throw new UnprocessableException("Validation failed: Domain is already blocked through "
                            + covering.get().domain());
                }
            }
            domains.insertBlock(tx, block);
            apply(tx, block);
            audit.record(tx, actorId, "create", "DomainBlock", block.id(), domain);
            changed(tx, domain);
            return block;
        });
    }

    public DomainBlock update(long actorId, long id, BlockChange c) {
        return db.inTransaction(tx -> {
            DomainBlock old = domains.findBlock(tx, id).orElseThrow(() -> new NotFoundException("Record not found"));
            DomainBlock updated = new DomainBlock(old.id(), old.domain(),
                    c.severity() == null ? old.severity() : c.severity(),
                    c.rejectMedia() == null ? old.rejectMedia() : c.rejectMedia(),
                    c.rejectReports() == null ? old.rejectReports() : c.rejectReports(),
                    c.privateComment() == null ? old.privateComment() : comment(c.privateComment()),
                    c.publicComment() == null ? old.publicComment() : comment(c.publicComment()),
                    c.obfuscate() == null ? old.obfuscate() : c.obfuscate(), old.createdAt(), clock.instant());
            domains.updateBlock(tx, updated);
            if (updated.severity() != old.severity()) {
                lift(tx, old);
                apply(tx, updated);
            }
            audit.record(tx, actorId, "update", "DomainBlock", id, old.domain());
            changed(tx, old.domain());
            return updated;
        });
    }

    /** Lifts a block; returns it. */
    public DomainBlock remove(long actorId, long id) {
        return db.inTransaction(tx -> {
            DomainBlock old = domains.findBlock(tx, id).orElseThrow(() -> new NotFoundException("Record not found"));
            domains.deleteBlock(tx, id);
            lift(tx, old);
            audit.record(tx, actorId, "destroy", "DomainBlock", id, old.domain());
            changed(tx, old.domain());
            return old;
        });
    }

    public List<DomainAllow> allows(Page page) {
        return db.read(tx -> domains.allowPage(tx, page));
    }

    public DomainAllow allow(long id) {
        return db.read(tx -> domains.findAllow(tx, id)).orElseThrow(() -> new NotFoundException("Record not found"));
    }

    public DomainAllow createAllow(long actorId, String input) {
        String domain = requireDomain(input);
        DomainAllow allow = new DomainAllow(ids.next(), domain, clock.instant());
        return db.inTransaction(tx -> {
            if (domains.findAllowByDomain(tx, domain).isPresent()) {
                throw new UnprocessableException("Validation failed: Domain has already been taken");
            }
            domains.insertAllow(tx, allow);
            audit.record(tx, actorId, "create", "DomainAllow", allow.id(), domain);
            changed(tx, domain);
            return allow;
        });
    }

    public DomainAllow removeAllow(long actorId, long id) {
        return db.inTransaction(tx -> {
            DomainAllow old = domains.findAllow(tx, id).orElseThrow(() -> new NotFoundException("Record not found"));
            domains.deleteAllow(tx, id);
            audit.record(tx, actorId, "destroy", "DomainAllow", id, old.domain());
            changed(tx, old.domain());
            return old;
        });
    }

    /** Mastodon's DomainBlock#stricter_than?: a harsher severity, or a reject flag the other lacks. */
    static boolean stricter(DomainBlock b, DomainBlock other) {
        return (b.rejectMedia() && !other.rejectMedia()) || (b.rejectReports() && !other.rejectReports())
                || b.severity().rank() > other.severity().rank();
    }

    private void apply(Tx tx, DomainBlock b) {
        switch (b.severity()) {
            case SILENCE -> accounts.markDomain(tx, b.domain(), false, b.createdAt(), null);
            case SUSPEND -> {
                accounts.markDomain(tx, b.domain(), true, b.createdAt(), null);
                for (long[] f : domains.followsWithDomain(tx, b.domain())) {
                    if (relationships.deleteFollow(tx, f[0], f[1])) {
                        accounts.countFollow(tx, f[0], f[1], -1);
                    }
                }
                domains.deleteRequestsWithDomain(tx, b.domain());
            }
            case NOOP -> {
            }
        }
    }

    private void lift(Tx tx, DomainBlock b) {
        switch (b.severity()) {
            case SILENCE -> accounts.markDomain(tx, b.domain(), false, null, b.createdAt());
            case SUSPEND -> accounts.markDomain(tx, b.domain(), true, null, b.createdAt());
            case NOOP -> {
            }
        }
    }

    private void changed(Tx tx, String domain) {
        policy.invalidate();
        tx.afterCommit(policy::invalidate);
        events.publish(tx, new DomainPolicyChanged(domain));
    }

    private static String requireDomain(String input) {
        if (input == null || input.isBlank()) {
            throw new UnprocessableException("Validation failed: Domain can't be blank");
        }
        return DomainPolicy.normalize(input)
                .orElseThrow(() -> new UnprocessableException("Validation failed: Domain is invalid"));
    }

    private static String comment(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > MAX_COMMENT) {
            throw new UnprocessableException("Validation failed: Comment is too long (maximum is " + MAX_COMMENT
                    + " characters)");
        }
        return text.strip();
    }
}
