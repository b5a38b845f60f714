package social.starling.service.follow;

import java.net.IDN;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import social.starling.db.Database;
import social.starling.db.GraphPagesRepository;
import social.starling.errors.UnprocessableException;
import social.starling.model.IdGenerator;
import social.starling.model.Page;
import social.starling.service.account.AccountChanges;

/**
 * A person's own domain blocks (Mastodon's AccountDomainBlock): statuses and notifications from accounts on the
 * domain are hidden from them (StatusVisibility and NotifyService read the blocks through the relations cache),
 * and followers on that domain are removed, pending requests from it rejected (AfterAccountDomainBlockService).
 * Domains are stored as Mastodon normalises them: lower case, IDN as punycode, no trailing slash. This is one
 * member hiding a domain, not the server's domain moderation (limit, suspend), which moderators set for everyone.
 */
public final class AccountDomainBlockService {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");

    private final Database db;
    private final GraphPagesRepository pages;
    private final FollowService follows;
    private final AccountChanges changes;
    private final IdGenerator ids;
    private final Clock clock;

    public AccountDomainBlockService(Database db, GraphPagesRepository pages, FollowService follows, AccountChanges changes,
                              IdGenerator ids, Clock clock) {
        this.db = db;
        this.pages = pages;
        this.follows = follows;
        this.changes = changes;
        this.ids = ids;
        this.clock = clock;
    }

    public void block(long accountId, String rawDomain) {
        String domain = normalise(rawDomain);
        db.inTransaction(tx -> {
            pages.insertDomainBlock(tx, ids.next(), accountId, domain, clock.instant());
            for (long follower : pages.followersOn(tx, accountId, domain)) {
                follows.removeFollower(accountId, follower); // joins this transaction; fixes counts, lists, feeds
            }
            for (long requester : pages.requestersOn(tx, accountId, domain)) {
                follows.reject(accountId, requester);
            }
            changes.changed(tx, accountId);
            return null;
        });
    }

    public void unblock(long accountId, String rawDomain) {
        String domain = normalise(rawDomain);
        db.inTransaction(tx -> {
            if (pages.deleteDomainBlock(tx, accountId, domain)) {
                changes.changed(tx, accountId);
            }
            return null;
        });
    }

    /** A blocked domain and the block's id, which the list pages by. */
    public record Blocked(long id, String domain) {
    }

    public List<Blocked> page(long accountId, Page page) {
        return db.read(tx -> pages.domainBlocks(tx, accountId, page).stream()
                .map(b -> new Blocked(b.id(), b.domain())).toList());
    }

    /**
     * Mastodon's TagManager#normalize_domain and DomainValidator: a host name of labels of 1-63 characters, not
     * starting or ending with a hyphen, under 253 characters in all once converted to punycode.
     */
    public static String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new UnprocessableException("Validation failed: Domain can't be blank");
        }
        String domain = raw.strip();
        while (domain.endsWith("/")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        try {
            domain = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (domain.isEmpty() || domain.length() >= 253) {
            throw invalid();
        }
        for (String label : domain.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw invalid();
            }
        }
        return domain;
    }

    private static UnprocessableException invalid() {
        return new UnprocessableException("Validation failed: Domain is not a valid domain name");
    }
}
