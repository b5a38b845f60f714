package social.starling.service.status;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import social.starling.db.InteractionRepository;
import social.starling.db.InteractionRepository.Marks;
import social.starling.db.RelationshipRepository;
import social.starling.db.Tx;

/**
 * A viewer's marks on statuses (favourited, reblogged, bookmarked, pinned, thread muted) and which authors they
 * follow (for followers-only statuses), remembered per viewer with the version they were read at. The database bumps
 * that version in the same transaction as any change to the rows the marks come from (migration V31's triggers) and
 * to the viewer's follows (V35's), whichever node or code path made it; so while the stored version is the
 * remembered one, what is remembered is what the queries would answer. A page whose statuses and authors were all
 * seen before costs one primary-key read instead of the marks query's five index lookups per status and a follows
 * lookup. {@link #session} reads the version once for a page's two questions.
 */
public final class ViewerMarks {
    /** Past this many statuses remembered for one viewer (ten pages), start again from the page at hand. */
    static final int MAX_STATUSES_PER_VIEWER = 400;

    private final InteractionRepository interactions;
    private final RelationshipRepository relationships;
    private final Cache<Long, Known> known;
    private final Cache<Long, Followed> followed;

    /**
     * @param maxIds how many ids (statuses, pinnable statuses and threads looked up) all viewers' entries may hold
     *               together, about 50 bytes each: the memory is bounded however many viewers there are
     */
    public ViewerMarks(InteractionRepository interactions, RelationshipRepository relationships, long maxIds) {
        this.interactions = interactions;
        this.relationships = relationships;
        this.known = Caffeine.newBuilder().maximumWeight(maxIds)
                .weigher((Long viewer, Known k) -> 1 + k.statuses.size() + k.pinnable.size() + k.conversations.size())
                .expireAfterAccess(Duration.ofMinutes(10)).build();
        this.followed = Caffeine.newBuilder().maximumWeight(maxIds / 4)
                .weigher((Long viewer, Followed f) -> 1 + f.checked.size())
                .expireAfterAccess(Duration.ofMinutes(10)).build();
    }

    /** One viewer's questions within one transaction, the version read once, when first needed. */
    public Session session(Tx tx, long viewerId) {
        return new Session(tx, viewerId);
    }

    public final class Session {
        private final Tx tx;
        private final long viewerId;
        private long version;
        private boolean versionRead;

        private Session(Tx tx, long viewerId) {
            this.tx = tx;
            this.viewerId = viewerId;
        }

        private long version() {
            if (!versionRead) {
                version = interactions.marksVersion(tx, viewerId);
                versionRead = true;
            }
            return version;
        }

        /** The same answer as {@link InteractionRepository#marks}, from memory when the version is unchanged. */
        public Marks marks(Collection<Long> statusIds, Collection<Long> pinnable, Collection<Long> conversationIds) {
            return statusIds.isEmpty() ? Marks.NONE : of(tx, viewerId, version(), statusIds, pinnable, conversationIds);
        }

        /**
         * The same answer as {@link RelationshipRepository#followedAmong}, from memory when the version is unchanged
         * and every author was looked up at it before.
         */
        public Set<Long> followedAmong(Collection<Long> authors) {
            if (authors.isEmpty()) {
                return Set.of();
            }
            long v = version();
            Followed f = followed.getIfPresent(viewerId);
            if (f != null && f.version == v && f.checked.containsAll(authors)) {
                Set<Long> out = new HashSet<>();
                authors.forEach(a -> {
                    if (f.followed.contains(a)) {
                        out.add(a);
                    }
                });
                return out;
            }
            Set<Long> read = relationships.followedAmong(tx, viewerId, authors);
            Followed base = f != null && f.version == v && f.checked.size() + authors.size() <= MAX_STATUSES_PER_VIEWER
                    ? f : new Followed(v, Set.of(), Set.of());
            Set<Long> checked = new HashSet<>(base.checked);
            checked.addAll(authors);
            Set<Long> all = new HashSet<>(base.followed);
            all.removeAll(authors);
            all.addAll(read);
            Followed now = new Followed(v, Set.copyOf(checked), Set.copyOf(all));
            remember(tx, () -> followed.put(viewerId, now));
            return read;
        }
    }

    /** Which authors were looked up for one viewer at one version, and which of them the viewer follows. */
    private record Followed(long version, Set<Long> checked, Set<Long> followed) {
    }

    private Marks of(Tx tx, long viewerId, long version, Collection<Long> statusIds, Collection<Long> pinnable,
                     Collection<Long> conversationIds) {
        Known k = known.getIfPresent(viewerId);
        if (k != null && k.version == version && k.covers(statusIds, pinnable, conversationIds)) {
            return k.marks;
        }
        Marks read = interactions.marks(tx, viewerId, statusIds, pinnable, conversationIds);
        Known base = k != null && k.version == version && k.statuses.size() + statusIds.size() <= MAX_STATUSES_PER_VIEWER
                ? k : Known.empty(version);
        Known now = base.with(statusIds, pinnable, conversationIds, read);
        remember(tx, () -> known.put(viewerId, now));
        return read;
    }

    /**
     * Keeps an answer: at once when read in a read-only transaction, else once the transaction has committed. A
     * writing transaction may have bumped the version itself; were it to roll back, another change could later
     * commit that same version with other rows, and the answer kept would be taken for it.
     */
    private static void remember(Tx tx, Runnable put) {
        if (tx.readOnly()) {
            put.run();
        } else {
            tx.afterCommit(put);
        }
    }

    /**
     * What is known of one viewer at one version: which statuses, pinnable statuses and conversations were looked
     * up, and among them the marked ones. Immutable; a new page's answer makes a new one.
     */
    private record Known(long version, Set<Long> statuses, Set<Long> pinnable, Set<Long> conversations, Marks marks) {
        static Known empty(long version) {
            return new Known(version, Set.of(), Set.of(), Set.of(), Marks.NONE);
        }

        boolean covers(Collection<Long> statusIds, Collection<Long> pinnableIds, Collection<Long> conversationIds) {
            return statuses.containsAll(statusIds) && pinnable.containsAll(pinnableIds)
                    && conversations.containsAll(conversationIds);
        }

        Known with(Collection<Long> statusIds, Collection<Long> pinnableIds, Collection<Long> conversationIds,
                   Marks read) {
            // The answer for the ids looked up replaces what was known of them (the same at an equal version).
            Marks m = new Marks(
                    merged(marks.favourited(), statusIds, read.favourited()),
                    merged(marks.reblogged(), statusIds, read.reblogged()),
                    merged(marks.bookmarked(), statusIds, read.bookmarked()),
                    merged(marks.pinned(), pinnableIds, read.pinned()),
                    merged(marks.mutedConversations(), conversationIds, read.mutedConversations()));
            return new Known(version, union(statuses, statusIds), union(pinnable, pinnableIds),
                    union(conversations, conversationIds), m);
        }

        private static Set<Long> merged(Set<Long> before, Collection<Long> lookedUp, Set<Long> found) {
            Set<Long> out = new HashSet<>(before);
            out.removeAll(lookedUp);
            out.addAll(found);
            return Set.copyOf(out);
        }

        private static Set<Long> union(Set<Long> a, Collection<Long> b) {
            Set<Long> out = new HashSet<>(a);
            out.addAll(b);
            return Set.copyOf(out);
        }
    }
}
