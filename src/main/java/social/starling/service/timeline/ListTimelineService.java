package social.starling.service.timeline;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import social.starling.db.Database;
import social.starling.db.ListFeedRepository;
import social.starling.db.ListRepository;
import social.starling.db.StatusRepository;
import social.starling.errors.NotFoundException;
import social.starling.model.Page;
import social.starling.model.UserList;
import social.starling.service.status.StatusViews;

/**
 * A list's timeline, read from its materialised feed ({@link ListFeedRepository}), as the home timeline is: fan-out
 * adds members' new statuses, and a feed not built yet (a new list, one whose members or replies policy changed,
 * or whose owner's follows changed) is built on its next read from the members' newest statuses. Only the owner
 * may read it; for anyone else the list does not exist. The owner's mutes and blocks and Mastodon's "home" filters
 * apply as on Mastodon.
 */
public final class ListTimelineService {

    private final Database db;
    private final ListRepository lists;
    private final ListFeedRepository feeds;
    private final StatusViews views;
    private final int maxItems;
    private final Clock clock;

    public ListTimelineService(Database db, ListRepository lists, ListFeedRepository feeds, StatusViews views,
                               int maxItems, Clock clock) {
        this.db = db;
        this.lists = lists;
        this.feeds = feeds;
        this.views = views;
        this.maxItems = maxItems;
        this.clock = clock;
    }

    public TimelinePage timeline(long ownerId, long listId, Page page) {
        TimelinePage built = read(ownerId, listId, page);
        if (built != null) {
            return built;
        }
        db.inTransaction(tx -> {
            UserList list = lists.findOwned(tx, ownerId, listId)
                    .orElseThrow(() -> new NotFoundException("Record not found"));
            if (!feeds.isBuilt(tx, list.id())) { // another request may have built it meanwhile
                feeds.clear(tx, list.id());
                feeds.build(tx, list, maxItems);
            }
            return null;
        });
        TimelinePage page2 = read(ownerId, listId, page);
        return page2 != null ? page2 : TimelinePage.EMPTY; // unbuilt again at once by a change: nothing to show yet
    }

    /** The page, or null when the list's feed is not built; a 404 when the list is not the owner's. */
    private TimelinePage read(long ownerId, long listId, Page page) {
        Instant now = clock.instant();
        return db.read(tx -> {
            List<StatusRepository.Stamp> stamps = feeds.pageIfBuilt(tx, ownerId, listId, page, now);
            if (stamps.isEmpty()) {
                lists.findOwned(tx, ownerId, listId).orElseThrow(() -> new NotFoundException("Record not found"));
                if (!feeds.isBuilt(tx, listId)) {
                    return null;
                }
            }
            return new TimelinePage(views.load(tx, stamps, ownerId, StatusViews.Mode.FEED, "home"),
                    stamps.stream().map(StatusRepository.Stamp::id).toList());
        });
    }

    /**
     * Keeps the newest {@code maxItems} entries of every list's feed, as {@link HomeFeedService#trim} does for home
     * feeds: the lists over the cap are found by a read, then trimmed a hundred at a time in short transactions.
     */
    public int trim() {
        return FeedTrim.inBatches(db, tx -> feeds.overfull(tx, maxItems), (tx, id) -> feeds.trim(tx, id, maxItems));
    }
}
