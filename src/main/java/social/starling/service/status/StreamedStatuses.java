package social.starling.service.status;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import social.starling.db.Database;
import social.starling.db.InteractionRepository;
import social.starling.db.ListFeedRepository;
import social.starling.db.ListRepository;
import social.starling.db.RelationshipRepository;
import social.starling.model.Account;
import social.starling.model.Status;
import social.starling.model.Visibility;
import social.starling.model.view.StatusView;
import social.starling.service.visibility.Relations;
import social.starling.service.visibility.RelationsCache;
import social.starling.service.visibility.StatusVisibility;

/**
 * Statuses for streaming: a new or edited status is loaded once, as no one in particular sees it
 * ({@link #load}), then projected for each connection's account ({@link #project}) with the checks timelines make
 * — visibility (blocks either way, domain blocks, private and direct audiences), mutes (of the author, and of a
 * reblogged author), keyword filters ({@code hide} drops the status, {@code warn} marks it {@code filtered}) —
 * and the viewer's marks. The projection costs no query for a new status (its marks are known: nothing yet), one
 * for a reblog or an edit (the viewer may have favourited the original); relations and filters are cached.
 */
public final class StreamedStatuses {
    /** A status loaded once for every connection, with the plain text its keyword filters match against. */
    public record Neutral(StatusView view, String plainText, String reblogPlainText) {
        public Status status() {
            return view.status();
        }

        /** What is shown: the reblogged status for a reblog, else the status. */
        public StatusView content() {
            return view.reblog() != null ? view.reblog() : view;
        }
    }

    private final Database db;
    private final StatusViews views;
    private final RelationsCache relations;
    private final StatusFilterer filters;
    private final InteractionRepository interactions;
    private final RelationshipRepository relationships;
    private final ListRepository lists;
    private final ListFeedRepository listFeeds;

    public StreamedStatuses(Database db, StatusViews views, RelationsCache relations, StatusFilterer filters,
                            InteractionRepository interactions, RelationshipRepository relationships,
                            ListRepository lists, ListFeedRepository listFeeds) {
        this.lists = lists;
        this.listFeeds = listFeeds;
        this.db = db;
        this.views = views;
        this.relations = relations;
        this.filters = filters;
        this.interactions = interactions;
        this.relationships = relationships;
    }

    /** The status as no one in particular sees it; empty if it is gone. */
    public Optional<Neutral> load(long statusId) {
        return db.read(tx -> {
            List<StatusView> found = views.neutral(tx, statusId);
            if (found.isEmpty()) {
                return Optional.<Neutral>empty();
            }
            StatusView v = found.getFirst();
            Set<Long> ids = new HashSet<>();
            ids.add(v.status().id());
            if (v.reblog() != null) {
                ids.add(v.reblog().status().id());
            }
            var loaded = views.loader().load(tx, ids);
            String text = plain(loaded, v.status().id());
            String reblogText = v.reblog() == null ? null : plain(loaded, v.reblog().status().id());
            return Optional.of(new Neutral(v, text, reblogText));
        });
    }

    private static String plain(StatusLoader.Loaded loaded, long id) {
        StatusCache.Entry e = loaded.entries().get(id);
        return e == null ? "" : e.plainText();
    }

    /** Which of {@code accounts} follow {@code authorId} (for edits, which reach the author's followers). */
    public Set<Long> followersAmong(long authorId, Set<Long> accounts) {
        return accounts.isEmpty() ? Set.of() : db.read(tx -> relationships.followersAmong(tx, authorId, accounts));
    }

    /** Whether {@code accountId} owns list {@code listId} (only its owner may stream a list). */
    public boolean ownsList(long accountId, long listId) {
        return db.read(tx -> lists.findOwned(tx, accountId, listId)).isPresent();
    }

    /**
     * Which of {@code listIds} show the status: the list rules decide ({@link ListFeedRepository#admitting}), as
     * for the list's timeline; what the owner mutes or blocks is applied by {@link #project}.
     */
    public Set<Long> listsAdmitting(Set<Long> listIds, long statusId) {
        if (listIds.isEmpty()) {
            return Set.of();
        }
        return db.read(tx -> new HashSet<>(listFeeds.admitting(tx, statusId, listIds)));
    }

    /**
     * The status as {@code viewerId} sees it in a feed, or empty if it is not shown to them.
     *
     * @param followsAuthor whether the viewer follows the author (a private status needs it; fan-out's recipients do)
     * @param context the keyword filter context: {@code home} (user and list streams) or {@code public}
     * @param readMarks whether to read the viewer's marks (a reblog, an edit) rather than assume none
     */
    public Optional<StatusView> project(Neutral n, long viewerId, boolean followsAuthor, String context,
                                        boolean readMarks) {
        Relations rel = relations.of(viewerId);
        StatusView v = n.view();
        if (!shown(v, viewerId, rel, followsAuthor)) {
            return Optional.empty();
        }
        if (v.reblog() != null && !shown(v.reblog(), viewerId, rel, false)) {
            return Optional.empty();
        }
        InteractionRepository.Marks marks = null;
        if (readMarks) {
            Set<Long> ids = new HashSet<>();
            ids.add(v.status().id());
            Set<Long> conversations = new HashSet<>();
            StatusView content = n.content();
            ids.add(content.status().id());
            if (content.status().conversationId() != null) {
                conversations.add(content.status().conversationId());
            }
            marks = db.read(tx -> interactions.marks(tx, viewerId, ids, ids, conversations));
        }
        if (v.reblog() != null) {
            List<StatusView.FilterMatch> matched = matches(viewerId, context, v.reblog().status(),
                    n.reblogPlainText());
            if (StatusFilterer.hides(matched)) {
                return Optional.empty();
            }
            StatusView reblog = mark(v.reblog(), viewerId, marks, matched);
            return Optional.of(mark(v, viewerId, marks, List.of()).withReblog(reblog));
        }
        List<StatusView.FilterMatch> matched = matches(viewerId, context, v.status(), n.plainText());
        if (StatusFilterer.hides(matched)) {
            return Optional.empty();
        }
        return Optional.of(mark(v, viewerId, marks, matched));
    }

    private static boolean shown(StatusView v, long viewerId, Relations rel, boolean followsAuthor) {
        Account author = v.account();
        Status s = v.status();
        boolean mentioned = v.mentions().stream().anyMatch(a -> a.id() == viewerId);
        return author != null && StatusVisibility.canSee(s, author, viewerId, rel, followsAuthor, mentioned)
                && StatusVisibility.shownInFeeds(s, viewerId, rel);
    }

    private List<StatusView.FilterMatch> matches(long viewerId, String context, Status s, String plainText) {
        if (s.accountId() == viewerId) {
            return List.of();
        }
        return filters.matches(viewerId, context, s, plainText == null ? "" : plainText);
    }

    private static StatusView mark(StatusView v, long viewerId, InteractionRepository.Marks marks,
                                   List<StatusView.FilterMatch> filtered) {
        Status s = v.status();
        boolean pinnable = s.accountId() == viewerId && !s.isReblog() && s.visibility() != Visibility.DIRECT;
        StatusView.Marks viewer = marks == null
                ? new StatusView.Marks(false, false, false, false, pinnable ? false : null)
                : new StatusView.Marks(marks.favourited().contains(s.id()), marks.reblogged().contains(s.id()),
                        marks.bookmarked().contains(s.id()),
                        s.conversationId() != null && marks.mutedConversations().contains(s.conversationId()),
                        pinnable ? marks.pinned().contains(s.id()) : null);
        StatusView.PollView poll = v.poll() == null ? null : new StatusView.PollView(v.poll().poll(),
                v.poll().poll().accountId() == viewerId, List.of(), v.poll().expired());
        return new StatusView(s, v.account(), v.reblog(), v.mentions(), v.tags(), poll, v.application(), viewer,
                filtered, v.quoting(), v.media());
    }
}
