package social.starling.service.status;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import social.starling.db.Database;
import social.starling.db.StatusRepository;
import social.starling.errors.NotFoundException;
import social.starling.jobs.JobQueue;
import social.starling.model.Status;
import social.starling.model.view.StatusView;

/**
 * {@code GET /api/v1/statuses/:id/context}, as Mastodon's StatusesController#context and StatusThreadingConcern:
 * the ancestors, oldest first (up to 40, nearest kept), and the descendants in thread order — depth first, each
 * status's replies oldest first — with replies by an author to themselves brought to the top. Mastodon lets
 * signed-in people see up to 4,096 descendants, visitors 60 at most 20 replies deep. Only what the viewer may see
 * is listed, and not what comes from accounts they mute or block (Mastodon's StatusFilter), nor what a "hide"
 * filter for the thread context matches; a hidden status's replies still appear.
 *
 * <p>When the oldest stored status of the thread is a remote reply whose parent Starling does not have, the
 * {@link ThreadBackfillService} job is queued (once while it waits) to fetch the missing ancestors; this answer
 * shows what is stored, the next one the completed thread.
 */
public final class StatusContextService {
    static final int ANCESTORS_LIMIT = 40;
    static final int DESCENDANTS_LIMIT = 4_096;
    static final int VISITOR_DESCENDANTS_LIMIT = 60;
    static final int VISITOR_DEPTH_LIMIT = 20;

    public record Context(List<StatusView> ancestors, List<StatusView> descendants) {
    }

    private final Database db;
    private final StatusRepository statuses;
    private final StatusViews views;
    private final JobQueue jobs;
    private final java.time.Clock clock;
    static final java.time.Duration REPLIES_CRAWL_EVERY = java.time.Duration.ofMinutes(15);
    private final com.github.benmanes.caffeine.cache.Cache<Long, Boolean> crawled =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(50_000)
                    .expireAfterWrite(REPLIES_CRAWL_EVERY).build();

    public StatusContextService(Database db, StatusRepository statuses, StatusViews views, JobQueue jobs,
                                java.time.Clock clock) {
        this.db = db;
        this.statuses = statuses;
        this.views = views;
        this.jobs = jobs;
        this.clock = clock;
    }

    public Context context(long statusId, Long viewerId) {
        Status focus = views.one(statusId, viewerId).map(StatusView::status)
                .orElseThrow(() -> new NotFoundException("Record not found"));
        if (focus.isReblog()) {
            // Mastodon shows the context of the reblogged status's wrapper, which has none of its own.
            return new Context(List.of(), List.of());
        }
        List<Long> ancestors = ancestorIds(focus);
        requestMissingAncestors(ancestors.isEmpty() ? focus.id() : ancestors.getFirst());
        if (viewerId != null) {
            requestReplies(focus);
        }
        List<Long> descendants = descendantIds(focus.id(), viewerId == null ? VISITOR_DESCENDANTS_LIMIT
                : DESCENDANTS_LIMIT, viewerId == null ? VISITOR_DEPTH_LIMIT : Integer.MAX_VALUE);
        List<StatusView> above = views.load(ancestors, viewerId, StatusViews.Mode.FEED, "thread");
        List<StatusView> below = views.load(descendants, viewerId, StatusViews.Mode.FEED, "thread");
        return new Context(above, selfRepliesFirst(below));
    }

    /** Walks up the reply chain from the parent; oldest first. */
    private List<Long> ancestorIds(Status focus) {
        List<Long> ids = new ArrayList<>();
        db.read(tx -> {
            Set<Long> seen = new HashSet<>(List.of(focus.id()));
            Long next = focus.inReplyToId();
            while (next != null && ids.size() < ANCESTORS_LIMIT && seen.add(next)) {
                Optional<Status> parent = statuses.find(tx, next);
                if (parent.isEmpty()) {
                    break;
                }
                ids.add(parent.get().id());
                next = parent.get().inReplyToId();
            }
            return null;
        });
        Collections.reverse(ids);
        return ids;
    }

    private void requestMissingAncestors(long topId) {
        if (db.read(tx -> statuses.inReplyToUri(tx, topId)).isPresent()) {
            db.inTransaction(tx -> jobs.enqueueUnique(tx, ThreadBackfillService.JOB,
                    new StatusJobs.StatusPayload(topId), "fetch_ancestors:" + topId, clock.instant()));
        }
    }

    /**
     * A member opening a remote status's thread asks for its replies too (Mastodon 4.4 crawls them then): the
     * replies its server lists are fetched by a PULL-lane job, at most once per status every
     * {@link #REPLIES_CRAWL_EVERY} on this node, so the thread shows more of the conversation when opened again.
     */
    private void requestReplies(Status focus) {
        if (focus.local() || crawled.asMap().putIfAbsent(focus.id(), Boolean.TRUE) != null) {
            return;
        }
        db.inTransaction(tx -> jobs.enqueueUnique(tx, ThreadBackfillService.REPLIES_JOB,
                new StatusJobs.StatusPayload(focus.id()), "fetch_replies:" + focus.id(), clock.instant()));
    }

    /** Replies level by level (one query each), then in depth-first order, cut at {@code limit}. */
    private List<Long> descendantIds(long rootId, int limit, int maxDepth) {
        Map<Long, List<Long>> children = new HashMap<>();
        db.read(tx -> {
            Set<Long> seen = new HashSet<>(List.of(rootId));
            List<Long> frontier = List.of(rootId);
            int fetched = 0;
            for (int depth = 0; !frontier.isEmpty() && depth < maxDepth && fetched < DESCENDANTS_LIMIT; depth++) {
                List<Long> next = new ArrayList<>();
                for (StatusRepository.ReplyLink reply : statuses.repliesTo(tx, frontier, DESCENDANTS_LIMIT - fetched)) {
                    if (seen.add(reply.id()) && !reply.reblog()) {
                        children.computeIfAbsent(reply.inReplyToId(), k -> new ArrayList<>()).add(reply.id());
                        next.add(reply.id());
                    }
                }
                fetched += next.size();
                frontier = next;
            }
            return null;
        });
        List<Long> ordered = new ArrayList<>();
        Deque<Long> stack = new ArrayDeque<>();
        pushChildren(stack, children.get(rootId));
        while (!stack.isEmpty() && ordered.size() < limit) {
            long id = stack.pop();
            ordered.add(id);
            pushChildren(stack, children.get(id));
        }
        return ordered;
    }

    private static void pushChildren(Deque<Long> stack, List<Long> kids) {
        if (kids == null) {
            return;
        }
        List<Long> sorted = new ArrayList<>(kids);
        sorted.sort(Collections.reverseOrder());
        sorted.forEach(stack::push); // the oldest ends on top
    }

    /** Mastodon's promote_by!: replies an author made to themselves move ahead, both groups keeping their order. */
    static List<StatusView> selfRepliesFirst(List<StatusView> views) {
        List<StatusView> out = new ArrayList<>();
        List<StatusView> rest = new ArrayList<>();
        for (StatusView v : views) {
            Status s = v.status();
            if (s.inReplyToAccountId() != null && s.inReplyToAccountId() == s.accountId()) {
                out.add(v);
            } else {
                rest.add(v);
            }
        }
        out.addAll(rest);
        return out;
    }
}
