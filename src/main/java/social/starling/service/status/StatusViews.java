package social.starling.service.status;

import social.starling.service.visibility.RelationsCache;
import social.starling.service.visibility.Relations;
import social.starling.service.visibility.StatusVisibility;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.InteractionRepository;
import social.starling.db.OAuthRepository;
import social.starling.db.MediaAttachmentRepository;
import social.starling.db.PollRepository;
import social.starling.db.QuoteRepository;
import social.starling.db.RelationshipRepository;
import social.starling.db.StatusRepository;
import social.starling.db.TagRepository;
import social.starling.db.Tx;
import social.starling.model.Account;
import social.starling.model.Poll;
import social.starling.model.Status;
import social.starling.model.Visibility;
import social.starling.model.view.StatusView;

/**
 * Statuses as one viewer may see them, for a whole page at once (a fixed number of queries, not one per status):
 * the viewer-neutral part comes from {@link StatusLoader}; this projection drops what the viewer may not see
 * ({@link StatusVisibility}), in feed-like lists also what comes from accounts the viewer muted or what a filter
 * hides, and adds the viewer's marks, own poll votes and filter matches; keeps the order asked for.
 */
public final class StatusViews {
    /** SHOW: a status asked for directly (by id, on a profile): visibility rules only. FEED: timelines, threads and
     * notifications also drop muted accounts and statuses a "hide" filter matches. NEUTRAL: no viewer and no
     * visibility checks, for streaming, which loads a status once and checks each connection
     * ({@link StreamedStatuses}). */
    public enum Mode { SHOW, FEED, NEUTRAL }

    private final Database db;
    private final StatusRepository statuses;
    private final AccountRepository accounts;
    private final RelationshipRepository relationships;
    private final TagRepository tags;
    private final PollRepository polls;
    private final ViewerMarks viewerMarks;
    private final OAuthRepository oauth;
    private final RelationsCache relations;
    private final StatusFilterer filters;
    private final Clock clock;
    private final Cache<Long, Optional<StatusView.App>> apps = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(10)).build();
    private final StatusLoader loader;
    private final QuoteViews quoteViews;

    public StatusViews(Database db, StatusRepository statuses, AccountRepository accounts,
                       RelationshipRepository relationships, TagRepository tags, PollRepository polls,
                       InteractionRepository interactions, OAuthRepository oauth, RelationsCache relations,
                       StatusFilterer filters, QuoteRepository quotes, MediaAttachmentRepository media,
                       Clock clock) {
        this.db = db;
        this.quoteViews = new QuoteViews(quotes, relationships);
        this.statuses = statuses;
        this.accounts = accounts;
        this.relationships = relationships;
        this.tags = tags;
        this.polls = polls;
        this.viewerMarks = new ViewerMarks(interactions, relationships, 400_000); // ~25 MB at most
        this.oauth = oauth;
        this.relations = relations;
        this.filters = filters;
        this.clock = clock;
        this.loader = new StatusLoader(statuses, accounts, tags, polls, media);
    }

    /** One status, if the viewer may see it. */
    public Optional<StatusView> one(long id, Long viewerId) {
        List<StatusView> views = load(List.of(id), viewerId, Mode.SHOW, null);
        return views.isEmpty() ? Optional.empty() : Optional.of(views.getFirst());
    }

    /** The status as no one in particular sees it, visibility unchecked: for {@link StreamedStatuses} only. */
    List<StatusView> neutral(Tx tx, long id) {
        return build(tx, List.of(id), null, Mode.NEUTRAL, null, 0);
    }

    StatusLoader loader() {
        return loader;
    }

    /** Whether the viewer may see the status (for actions on it: reply, favourite, ...). */
    public boolean visible(long id, Long viewerId) {
        return one(id, viewerId).isPresent();
    }

    /**
     * @param context the filter context ({@code home}, {@code public}, {@code thread}, {@code notifications},
     *                {@code account}); null applies no keyword filters
     */
    public List<StatusView> load(List<Long> ids, Long viewerId, Mode mode, String context) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.read(tx -> build(tx, ids, viewerId, mode, context, 0));
    }

    /**
     * As {@link #load}, inside the caller's transaction, for a page whose query read its statuses' stamps (the home
     * feed: {@code FeedRepository#pageIfKept}), in the page's order.
     */
    public List<StatusView> load(Tx tx, List<StatusRepository.Stamp> page, Long viewerId, Mode mode, String context) {
        if (page.isEmpty()) {
            return List.of();
        }
        List<Long> ids = page.stream().map(StatusRepository.Stamp::id).toList();
        return build(tx, ids, loader.loadStamped(tx, page), viewerId, mode, context, 0);
    }

    private List<StatusView> build(Tx tx, List<Long> ids, Long viewerId, Mode mode, String context, int depth) {
        return build(tx, ids, loader.load(tx, ids), viewerId, mode, context, depth);
    }

    private List<StatusView> build(Tx tx, List<Long> ids, StatusLoader.Loaded loaded, Long viewerId, Mode mode,
                                   String context, int depth) {
        List<StatusView> views = buildWithoutQuotes(tx, loaded, ids, viewerId, mode, context);
        if (views.isEmpty() || depth >= QuoteViews.MAX_DEPTH) {
            return views;
        }
        List<Status> shown = new ArrayList<>();
        for (StatusView v : views) {
            shown.add(v.status());
            if (v.reblog() != null) {
                shown.add(v.reblog().status());
            }
        }
        Map<Long, StatusView.Quoting> quoting = quoteViews.quoting(tx, shown, loaded.quotes(), viewerId, depth,
                (t, quotedIds, d) -> {
                    Map<Long, StatusView> byId = new HashMap<>();
                    build(t, quotedIds, viewerId, Mode.SHOW, null, d).forEach(v -> byId.put(v.status().id(), v));
                    return byId;
                });
        List<StatusView> out = new ArrayList<>(views.size());
        for (StatusView v : views) {
            StatusView withQuote = v.withQuoting(quoting.getOrDefault(v.status().id(), StatusView.Quoting.NONE));
            if (v.reblog() != null) {
                withQuote = withQuote.withReblog(v.reblog().withQuoting(
                        quoting.getOrDefault(v.reblog().status().id(), StatusView.Quoting.NONE)));
            }
            out.add(withQuote);
        }
        return out;
    }

    private List<StatusView> buildWithoutQuotes(Tx tx, StatusLoader.Loaded loaded, List<Long> ids, Long viewerId,
                                                Mode mode, String context) {
        Map<Long, StatusCache.Entry> entries = loaded.entries();
        Map<Long, Status> found = new HashMap<>();
        Map<Long, List<Long>> mentionIds = new HashMap<>();
        Map<Long, List<String>> tagNames = new HashMap<>();
        entries.forEach((id, e) -> {
            found.put(id, e.status);
            if (!e.mentionIds.isEmpty()) {
                mentionIds.put(id, e.mentionIds);
            }
            if (!e.tags.isEmpty()) {
                tagNames.put(id, e.tags);
            }
        });
        Collection<Status> all = found.values();
        Map<Long, Account> byId = loaded.accounts();

        Relations rel = relations.of(viewerId);
        Set<Long> privateAuthors = new HashSet<>();
        if (viewerId != null) {
            all.stream().filter(s -> s.visibility() == Visibility.PRIVATE && s.accountId() != viewerId)
                    .forEach(s -> privateAuthors.add(s.accountId()));
        }
        ViewerMarks.Session viewer = viewerId == null ? null : viewerMarks.session(tx, viewerId);
        Set<Long> followed = viewer == null ? Set.of() : viewer.followedAmong(privateAuthors);

        // Which statuses survive: visible, and for feeds not from muted accounts.
        List<Status> kept = new ArrayList<>();
        for (long id : ids) {
            Status s = found.get(id);
            if (s == null || !allowed(s, byId, mentionIds, followed, viewerId, rel, mode)) {
                continue;
            }
            if (s.isReblog()) {
                Status original = found.get(s.reblogOfId());
                if (original == null || !allowed(original, byId, mentionIds, followed, viewerId, rel, mode)) {
                    continue;
                }
            }
            kept.add(s);
        }
        if (kept.isEmpty()) {
            return List.of();
        }
        Set<Long> shown = new LinkedHashSet<>();
        Set<Long> pinnable = new HashSet<>();
        Set<Long> conversations = new HashSet<>();
        Set<Long> pollIds = new HashSet<>();
        for (Status s : kept) {
            shown.add(s.id());
            Status content = s.isReblog() ? found.get(s.reblogOfId()) : s;
            shown.add(content.id());
            if (viewerId != null && content.accountId() == viewerId) {
                pinnable.add(content.id());
            }
            if (content.conversationId() != null) {
                conversations.add(content.conversationId());
            }
            if (content.pollId() != null) {
                pollIds.add(content.pollId());
            }
        }
        Map<Long, Poll> pollsById = loaded.polls();
        Map<Long, List<Integer>> ownVotes = viewerId == null ? Map.of() : polls.votesOf(tx, viewerId, pollIds);
        InteractionRepository.Marks marks = viewerId == null ? InteractionRepository.Marks.NONE
                : viewer.marks(shown, pinnable, conversations);
        Set<Long> authors = new HashSet<>();
        shown.forEach(id -> authors.add(found.get(id).accountId()));
        Set<Long> sensitized = accounts.sensitizedAmong(tx, authors);

        List<StatusView> views = new ArrayList<>();
        for (Status s : kept) {
            StatusView reblog = null;
            if (s.isReblog()) {
                reblog = view(tx, entries.get(s.reblogOfId()), byId, mentionIds, tagNames, pollsById, ownVotes,
                        marks, viewerId, context, sensitized);
                if (mode == Mode.FEED && StatusFilterer.hides(reblog.filtered())) {
                    continue;
                }
            }
            StatusView view = view(tx, entries.get(s.id()), byId, mentionIds, tagNames, pollsById, ownVotes, marks,
                    viewerId, s.isReblog() ? null : context, sensitized);
            if (mode == Mode.FEED && !s.isReblog() && StatusFilterer.hides(view.filtered())) {
                continue;
            }
            views.add(new StatusView(view.status(), view.account(), reblog, view.mentions(), view.tags(), view.poll(),
                    view.application(), view.viewer(), view.filtered(), StatusView.Quoting.NONE, view.media()));
        }
        return views;
    }

    private boolean allowed(Status s, Map<Long, Account> byId, Map<Long, List<Long>> mentionIds, Set<Long> followed,
                            Long viewerId, Relations rel, Mode mode) {
        Account author = byId.get(s.accountId());
        if (author == null) {
            return false;
        }
        if (mode == Mode.NEUTRAL) {
            return true;
        }
        boolean mentioned = viewerId != null && mentionIds.getOrDefault(s.id(), List.of()).contains(viewerId);
        if (!StatusVisibility.canSee(s, author, viewerId, rel, followed.contains(s.accountId()), mentioned)) {
            return false;
        }
        return mode == Mode.SHOW || StatusVisibility.shownInFeeds(s, viewerId, rel);
    }

    private StatusView view(Tx tx, StatusCache.Entry entry, Map<Long, Account> byId,
                            Map<Long, List<Long>> mentionIds, Map<Long, List<String>> tagNames,
                            Map<Long, Poll> pollsById, Map<Long, List<Integer>> ownVotes,
                            InteractionRepository.Marks marks, Long viewerId, String context,
                            Set<Long> sensitized) {
        Status s = forcedSensitive(entry.status, viewerId, sensitized);
        List<Account> mentioned = mentionIds.getOrDefault(s.id(), List.of()).stream()
                .map(byId::get).filter(a -> a != null).toList();
        StatusView.PollView poll = null;
        if (s.pollId() != null && pollsById.containsKey(s.pollId())) {
            Poll p = pollsById.get(s.pollId());
            List<Integer> mine = ownVotes.getOrDefault(p.id(), List.of());
            poll = new StatusView.PollView(p, viewerId == null ? null : !mine.isEmpty() || p.accountId() == viewerId,
                    viewerId == null ? null : mine, p.expired(clock.instant()));
        }
        StatusView.Marks viewer = viewerId == null ? null : new StatusView.Marks(
                marks.favourited().contains(s.id()), marks.reblogged().contains(s.id()),
                marks.bookmarked().contains(s.id()),
                s.conversationId() != null && marks.mutedConversations().contains(s.conversationId()),
                s.accountId() == viewerId && !s.isReblog() && s.visibility() != Visibility.DIRECT
                        ? marks.pinned().contains(s.id()) : null);
        StatusView.App app = null;
        if (viewerId != null && s.accountId() == viewerId && s.applicationId() != null) {
            app = apps.get(s.applicationId(), id -> oauth.findApplication(tx, id)
                    .map(a -> new StatusView.App(a.name(), a.website()))).orElse(null);
        }
        List<StatusView.FilterMatch> filtered = viewerId == null || context == null || s.accountId() == viewerId
                ? List.of()
                : filters.matches(viewerId, context, s, entry.plainText());
        return new StatusView(s, byId.get(s.accountId()), null, mentioned, tagNames.getOrDefault(s.id(), List.of()),
                poll, app, viewer, filtered, StatusView.Quoting.NONE, entry.media());
    }

    /**
     * As Mastodon's REST StatusSerializer#sensitive: the statuses of an account whose media moderators forced
     * sensitive show as sensitive to everyone but their author.
     */
    private static Status forcedSensitive(Status s, Long viewerId, Set<Long> sensitized) {
        if (s.sensitive() || !sensitized.contains(s.accountId()) || Long.valueOf(s.accountId()).equals(viewerId)) {
            return s;
        }
        return new Status(s.id(), s.accountId(), s.uri(), s.url(), s.local(), s.visibility(), s.text(), s.content(),
                s.spoilerText(), true, s.language(), s.inReplyToId(), s.inReplyToAccountId(), s.reblogOfId(),
                s.conversationId(), s.applicationId(), s.pollId(), s.repliesCount(), s.reblogsCount(),
                s.favouritesCount(), s.version(), s.editedAt(), s.createdAt());
    }
}
