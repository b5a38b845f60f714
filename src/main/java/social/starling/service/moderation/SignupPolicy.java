package social.starling.service.moderation;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import social.starling.config.Cidr;
import social.starling.db.Database;
import social.starling.db.SignupBlockRepository;
import social.starling.model.EmailDomainBlock;
import social.starling.model.IdGenerator;
import social.starling.model.IpBlock;

/**
 * What the sign-up blocks decide: whether an address may sign up at all (IP {@code sign_up_block}), must wait for
 * approval (IP {@code sign_up_requires_approval}), whether an e-mail address is refused (its domain or a parent
 * domain is blocked, or its canonical form is), and whether an address may reach the server at all (IP
 * {@code no_access}). Expired IP blocks never apply, even before the purge job deletes them.
 *
 * <p>Unlike Mastodon, the e-mail check does not look up the domain's MX hosts: DNS is not guaranteed to be reachable
 * (an offline or firewalled server), and a check that depends on it would decide differently from run to run.
 *
 * <p>{@link #noAccess} runs on every request, so it reads an in-memory snapshot of the {@code no_access} ranges,
 * reloaded at once when this node changes a block ({@link #invalidate}) and at most {@link #TTL} late for changes
 * made on other nodes.
 */
public final class SignupPolicy {
    static final Duration TTL = Duration.ofSeconds(30);
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+(%[0-9A-Za-z]+)?");

    /** The verdict on a sign-up that was not refused outright. {@code emailError} is Mastodon's error code. */
    public record Verdict(boolean requiresApproval, Optional<EmailRefusal> emailRefusal) {
    }

    /** Mastodon's error for the {@code email} field: ERR_BLOCKED for a blocked provider, ERR_TAKEN for a canonical block. */
    public record EmailRefusal(String error, String description) {
    }

    private record Range(Cidr cidr, Instant expiresAt) {
    }

    private record Snapshot(List<Range> ranges, Instant loadedAt) {
    }

    private final Database db;
    private final SignupBlockRepository blocks;
    private final IdGenerator ids;
    private final Clock clock;
    private final ReentrantLock reloading = new ReentrantLock();
    private volatile Snapshot snapshot;

    public SignupPolicy(Database db, SignupBlockRepository blocks, IdGenerator ids, Clock clock) {
        this.db = db;
        this.blocks = blocks;
        this.ids = ids;
        this.clock = clock;
    }

    /** Whether an IP {@code sign_up_block} covers {@code ip}: such an address may not sign up, even with an invite. */
    public boolean signUpBlocked(String ip) {
        return severityApplies(ip, IpBlock.Severity.SIGN_UP_BLOCK);
    }

    /** Whether an IP {@code sign_up_requires_approval} covers {@code ip}. */
    public boolean requiresApproval(String ip) {
        return severityApplies(ip, IpBlock.Severity.SIGN_UP_REQUIRES_APPROVAL);
    }

    /**
     * Checks a sign-up's e-mail address and address. A valid invite skips the e-mail checks, as Mastodon's
     * BlacklistedEmailValidator does; it never skips the approval an IP block demands. A refused e-mail domain is
     * counted in the block's history.
     */
    public Verdict check(String email, String ip, boolean validInvite) {
        boolean approval = requiresApproval(ip);
        if (validInvite || email == null || email.isBlank()) {
            return new Verdict(approval, Optional.empty());
        }
        Optional<EmailDomainBlock> domainBlock = domainBlock(email);
        if (domainBlock.isPresent()) {
            Instant now = clock.instant();
            db.inTransaction(tx -> {
                blocks.insertAttempt(tx, ids.next(), domainBlock.get().id(), ip, now);
                return null;
            });
            return new Verdict(approval, Optional.of(new EmailRefusal("ERR_BLOCKED",
                    "uses a disallowed e-mail provider")));
        }
        String hash = CanonicalEmail.hash(email);
        if (!db.read(tx -> blocks.canonicalByHash(tx, hash)).isEmpty()) {
            // Mastodon answers "taken" for a canonical block, so it does not tell the applicant why.
            return new Verdict(approval, Optional.of(new EmailRefusal("ERR_TAKEN", "is already taken")));
        }
        return new Verdict(approval, Optional.empty());
    }

    /** The block covering the address's domain or one of its parent domains, most specific first. */
    public Optional<EmailDomainBlock> domainBlock(String email) {
        String domain = email.substring(email.lastIndexOf('@') + 1).strip().toLowerCase(Locale.ROOT);
        while (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        if (domain.isEmpty()) {
            return Optional.empty();
        }
        List<String> candidates = new ArrayList<>();
        String rest = domain;
        while (true) {
            candidates.add(rest);
            int dot = rest.indexOf('.');
            if (dot < 0) {
                break;
            }
            rest = rest.substring(dot + 1);
        }
        return db.read(tx -> blocks.emailDomainsAmong(tx, candidates)).stream().findFirst();
    }

    /** Whether {@code ip} (the client's address as the server sees it) falls in an unexpired {@code no_access} range. */
    public boolean noAccess(String ip) {
        Optional<InetAddress> address = parse(ip);
        if (address.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        for (Range range : current(now).ranges()) {
            if ((range.expiresAt() == null || range.expiresAt().isAfter(now)) && range.cidr().contains(address.get())) {
                return true;
            }
        }
        return false;
    }

    /** Drops the snapshot after a change on this node: the next request reloads it. */
    public void invalidate() {
        snapshot = null;
    }

    private Snapshot current(Instant now) {
        Snapshot s = snapshot;
        if (s != null && s.loadedAt().plus(TTL).isAfter(now)) {
            return s;
        }
        // One request reloads; the others keep using the old snapshot meanwhile (or wait if there is none).
        if (s != null && !reloading.tryLock()) {
            return s;
        }
        if (s == null) {
            reloading.lock();
        }
        try {
            Snapshot fresh = snapshot;
            if (fresh != null && fresh.loadedAt().plus(TTL).isAfter(now)) {
                return fresh;
            }
            List<Range> ranges = new ArrayList<>();
            for (IpBlock block : db.read(tx -> blocks.activeIps(tx, now))) {
                if (block.severity() == IpBlock.Severity.NO_ACCESS) {
                    ranges.add(new Range(Cidr.parse(block.ip()), block.expiresAt()));
                }
            }
            fresh = new Snapshot(List.copyOf(ranges), now);
            snapshot = fresh;
            return fresh;
        } finally {
            reloading.unlock();
        }
    }

    private boolean severityApplies(String ip, IpBlock.Severity severity) {
        Optional<InetAddress> address = parse(ip);
        if (address.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        return db.read(tx -> blocks.activeIps(tx, now)).stream()
                .filter(b -> b.severity() == severity)
                .anyMatch(b -> Cidr.parse(b.ip()).contains(address.get()));
    }

    /** An address literal only (never a DNS lookup); Jetty writes IPv6 client addresses in brackets. */
    static Optional<InetAddress> parse(String ip) {
        if (ip == null) {
            return Optional.empty();
        }
        String literal = ip.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        if (!IP_LITERAL.matcher(literal).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.ofLiteral(literal));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
