package social.starling.service.timeline;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import social.starling.db.Database;
import social.starling.db.FeedRepository;
import social.starling.db.RelationshipRepository;
import social.starling.db.StatusRepository;
import social.starling.db.Tx;
import social.starling.model.Follow;
import social.starling.model.Page;
import social.starling.model.Status;
import social.starling.model.Visibility;
import social.starling.model.view.StatusView;
import social.starling.service.visibility.Relations;
import social.starling.service.visibility.RelationsCache;
import social.starling.service.status.StatusViews;

/**
 * The home timeline, read from the materialised feed only. A feed marked stale (its owner was away longer than
 * STARLING_FEED_ACTIVE_DAYS, so fan-out skipped them) is rebuilt on its next read from the newest statuses of the
 * people followed, with the same rules fan-out applies (members of the owner's exclusive lists stay out). Following
 * someone merges their recent statuses in; unfollowing, blocking or muting takes them out.
 */
public final class HomeFeedService {
    static final int MERGE_ON_FOLLOW = 200;
    static final int TRIM_BATCH = 100;

    private final Database db;
    private final FeedRepository feeds;
    private final StatusRepository statuses;
    private final RelationshipRepository relationships;
    private final RelationsCache relations;
    private final StatusViews views;
    private final int maxItems;
    private final Clock clock;

    public HomeFeedService(Database db, FeedRepository feeds, StatusRepository statuses,
                           RelationshipRepository relationships, RelationsCache relations, StatusViews views,
                           int maxItems, Clock clock) {
        this.db = db;
        this.feeds = feeds;
        this.statuses = statuses;
        this.relationships = relationships;
        this.relations = relations;
        this.views = views;
        this.maxItems = maxItems;
        this.clock = clock;
    }

    public List<StatusView> home(long viewerId, Page page) {
        List<Long> ids = db.read(tx -> {
            List<Long> kept = feeds.pageIfKept(tx, viewerId, page);
            return !kept.isEmpty() || !feeds.isStale(tx, viewerId) ? kept : null;
        });
        if (ids == null) {
            rebuild(viewerId);
            ids = db.read(tx -> feeds.page(tx, viewerId, page));
        }
        return views.load(ids, viewerId, StatusViews.Mode.FEED, "home");
    }

    /** Rebuilds a feed from the newest statuses of the people followed (and one's own). */
    public int rebuild(long viewerId) {
        Relations rel = relations.of(viewerId);
        return db.inTransaction(tx -> {
            List<Long> authors = new ArrayList<>(relationships.followingIds(tx, viewerId));
            Map<Long, Follow> follows = relationships.followsOf(tx, viewerId, authors);
            authors.add(viewerId);
            Set<Long> followed = new HashSet<>(follows.keySet());
            Set<Long> exclusive = feeds.exclusiveListMembers(tx, viewerId);
            List<Status> candidates = recent(tx, authors, maxItems * 2);
            Map<Long, Status> originals = statuses.findAll(tx, candidates.stream().filter(Status::isReblog)
                    .map(Status::reblogOfId).toList());
            Map<Long, List<Long>> mentions = statuses.mentions(tx, candidates.stream()
                    .filter(s -> s.visibility() == Visibility.DIRECT).map(Status::id).toList());
            feeds.clear(tx, viewerId);
            int added = 0;
            Set<Long> seenOriginals = new HashSet<>();
            for (Status s : candidates) {
                if (added >= maxItems) {
                    break;
                }
                Status original = s.isReblog() ? originals.get(s.reblogOfId()) : null;
                if (s.isReblog() && (original == null || !seenOriginals.add(original.id()))) {
                    continue;
                }
                if (s.accountId() == viewerId || !exclusive.contains(s.accountId()) && eligible(s, original,
                        viewerId, follows.get(s.accountId()), followed, rel, mentions)) {
                    feeds.insert(tx, viewerId, s.id(), s.accountId(), s.reblogOfId(),
                            original == null ? null : original.accountId());
                    added++;
                }
            }
            feeds.setStale(tx, viewerId, false);
            return added;
        });
    }

    /** After following {@code targetId}: their recent statuses join the follower's feed. */
    public void mergeInto(Tx tx, long viewerId, long targetId) {
        if (feeds.isStale(tx, viewerId)) {
            return; // rebuilt in full on the next read
        }
        if (feeds.exclusiveListMembers(tx, viewerId).contains(targetId)) {
            return; // read in an exclusive list only
        }
        Relations rel = relations.of(viewerId);
        Map<Long, Follow> follows = relationships.followsOf(tx, viewerId, List.of(targetId));
        Set<Long> followed = new HashSet<>(relationships.followingIds(tx, viewerId));
        List<Status> recent = recent(tx, List.of(targetId), MERGE_ON_FOLLOW);
        Map<Long, Status> originals = statuses.findAll(tx, recent.stream().filter(Status::isReblog)
                .map(Status::reblogOfId).toList());
        Map<Long, List<Long>> mentions = statuses.mentions(tx, recent.stream()
                .filter(s -> s.visibility() == Visibility.DIRECT).map(Status::id).toList());
        for (Status s : recent) {
            Status original = s.isReblog() ? originals.get(s.reblogOfId()) : null;
            if (s.isReblog() && original == null) {
                continue;
            }
            if (eligible(s, original, viewerId, follows.get(targetId), followed, rel, mentions)) {
                feeds.insert(tx, viewerId, s.id(), s.accountId(), s.reblogOfId(),
                        original == null ? null : original.accountId());
            }
        }
    }

    /** Takes an account's statuses (and reblogs of them) out of a feed. */
    public void removeAuthor(Tx tx, long viewerId, long authorId) {
        feeds.removeAuthor(tx, viewerId, authorId);
    }

    /** The same rules as FeedRepository#fanOut, for one follower, in Java. */
    private boolean eligible(Status s, Status original, long viewerId, Follow follow, Set<Long> followed,
                             Relations rel, Map<Long, List<Long>> mentions) {
        if (follow == null || rel.mutes(s.accountId()) || rel.blockedEitherWay(s.accountId())) {
            return false;
        }
        if (original != null) {
            return follow.showReblogs() && original.accountId() != viewerId && !rel.mutes(original.accountId())
                    && !rel.blockedEitherWay(original.accountId()) && original.visibility() != Visibility.DIRECT
                    && original.visibility() != Visibility.PRIVATE;
        }
        if (s.inReplyToAccountId() != null && s.inReplyToAccountId() != s.accountId()
                && s.inReplyToAccountId() != viewerId && !followed.contains(s.inReplyToAccountId())) {
            return false;
        }
        if (s.visibility() == Visibility.DIRECT && !mentions.getOrDefault(s.id(), List.of()).contains(viewerId)) {
            return false;
        }
        return follow.languages().isEmpty() || s.language() == null || follow.languages().contains(s.language());
    }

    private List<Status> recent(Tx tx, List<Long> authors, int limit) {
        if (authors.isEmpty()) {
            return List.of();
        }
        var st = social.starling.db.schema.Tables.STATUSES;
        return tx.dsl().selectFrom(st).where(st.ACCOUNT_ID.in(authors)).orderBy(st.ID.desc()).limit(limit)
                .fetch(StatusRepository::toStatus);
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
        List<Long> overfull = db.read(tx -> feeds.overfull(tx, maxItems));
        int removed = 0;
        for (int from = 0; from < overfull.size(); from += TRIM_BATCH) {
            List<Long> batch = overfull.subList(from, Math.min(overfull.size(), from + TRIM_BATCH));
            removed += db.inTransaction(tx -> {
                int n = 0;
                for (long accountId : batch) {
                    n += feeds.trim(tx, accountId, maxItems);
                }
                return n;
            });
        }
        return removed;
    }
}
