package social.starling.service.timeline;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import social.starling.db.Database;
import social.starling.db.FeedRepository;
import social.starling.db.StatusRepository;
import social.starling.db.Tx;
import social.starling.model.Page;
import social.starling.model.view.StatusView;
import social.starling.service.status.StatusViews;

/**
 * The home timeline, read from the materialised feed only. A feed marked stale (its owner was away longer than
 * STARLING_FEED_ACTIVE_DAYS, so fan-out skipped them) is rebuilt on its next read from the newest statuses of the
 * people followed, with the same rules fan-out applies (members of the owner's exclusive lists stay out). Following
 * someone merges their recent statuses in; unfollowing, blocking or muting takes them out.
 */
public final class HomeFeedService {
    static final int MERGE_ON_FOLLOW = 200;

    private final Database db;
    private final FeedRepository feeds;
    private final StatusViews views;
    private final int maxItems;
    private final Clock clock;

    public HomeFeedService(Database db, FeedRepository feeds, StatusViews views, int maxItems, Clock clock) {
        this.db = db;
        this.feeds = feeds;
        this.views = views;
        this.maxItems = maxItems;
        this.clock = clock;
    }

    public List<StatusView> home(long viewerId, Page page) {
        List<StatusView> kept = db.read(tx -> {
            List<StatusRepository.Stamp> stamps = feeds.pageIfKept(tx, viewerId, page);
            if (stamps.isEmpty() && feeds.isStale(tx, viewerId)) {
                return null;
            }
            return views.load(tx, stamps, viewerId, StatusViews.Mode.FEED, "home");
        });
        if (kept != null) {
            return kept;
        }
        rebuild(viewerId);
        List<Long> ids = db.read(tx -> feeds.page(tx, viewerId, page));
        return views.load(ids, viewerId, StatusViews.Mode.FEED, "home");
    }

    /**
     * Rebuilds a feed from the newest statuses of the people followed (and one's own), with the rule fan-out
     * applies ({@code FeedRepository#rebuild}); returns how many entries it holds.
     */
    public int rebuild(long viewerId) {
        Instant now = clock.instant();
        return db.inTransaction(tx -> {
            feeds.clear(tx, viewerId);
            int added = feeds.rebuild(tx, viewerId, maxItems, now);
            feeds.setStale(tx, viewerId, false);
            return added;
        });
    }

    /** After following {@code targetId}: their recent statuses join the follower's feed, by fan-out's rule. */
    public void mergeInto(Tx tx, long viewerId, long targetId) {
        if (feeds.isStale(tx, viewerId)) {
            return; // rebuilt in full on the next read
        }
        feeds.merge(tx, viewerId, targetId, MERGE_ON_FOLLOW, clock.instant());
    }

    /** Takes an account's statuses (and reblogs of them) out of a feed. */
    public void removeAuthor(Tx tx, long viewerId, long authorId) {
        feeds.removeAuthor(tx, viewerId, authorId);
    }

    /** Empties and marks stale the feeds of people inactive for longer than {@code activeDays}. */
    public int markInactiveStale(int activeDays) {
        Instant before = clock.instant().minus(java.time.Duration.ofDays(activeDays));
        return db.inTransaction(tx -> feeds.markStale(tx, before));
    }

    /**
     * Keeps the newest {@code maxItems} entries of every feed. Finding the feeds over the cap is a read (it does not
     * hold the writer); they are then trimmed a hundred at a time in short transactions, so posting and fan-out go
     * on meanwhile.
     */
    public int trim() {
        return FeedTrim.inBatches(db, tx -> feeds.overfull(tx, maxItems), (tx, id) -> feeds.trim(tx, id, maxItems));
    }
}
