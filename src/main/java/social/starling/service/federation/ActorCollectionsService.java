package social.starling.service.federation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import social.starling.db.AccountRepository;
import social.starling.db.AccountStatusRepository;
import social.starling.db.Database;
import social.starling.db.FeaturedTagRepository;
import social.starling.db.GraphPagesRepository;
import social.starling.db.StatusRepository;
import social.starling.errors.ForbiddenException;
import social.starling.model.Account;
import social.starling.model.Page;
import social.starling.model.Status;
import social.starling.model.federation.LocalNote;
import social.starling.model.federation.LocalPost;
import social.starling.model.federation.Paged;

/**
 * The pages of a local actor's collections as an unsigned fetch sees them: the outbox (public and unlisted
 * statuses and reblogs), followers and following (actor ids, unless the account hides them), and the pinned
 * statuses ({@code featured}).
 */
public final class ActorCollectionsService {
    /** Items per page, as Mastodon's outbox (LIMIT = 20). */
    public static final int PAGE_SIZE = 20;
    private static final AccountStatusRepository.Query LISTED = new AccountStatusRepository.Query(
            List.copyOf(LocalObjectService.LISTED), null, false, false, null);

    private final Database db;
    private final AccountStatusRepository accountStatuses;
    private final StatusRepository statuses;
    private final GraphPagesRepository graph;
    private final AccountRepository accounts;
    private final LocalPostLoader loader;
    private final FeaturedTagRepository featuredTags;

    public ActorCollectionsService(Database db, AccountStatusRepository accountStatuses, StatusRepository statuses,
                                   GraphPagesRepository graph, AccountRepository accounts, LocalPostLoader loader,
                                   FeaturedTagRepository featuredTags) {
        this.featuredTags = featuredTags;
        this.db = db;
        this.accountStatuses = accountStatuses;
        this.statuses = statuses;
        this.graph = graph;
        this.accounts = accounts;
        this.loader = loader;
    }

    /** A page of the outbox, newest first, paged by status id ({@code max_id} / {@code min_id}). */
    public Paged<LocalPost> outbox(Account actor, Page page) {
        return db.read(tx -> {
            List<Long> ids = accountStatuses.page(tx, actor.id(), LISTED, bounded(page));
            Map<Long, Status> found = statuses.findAll(tx, ids);
            List<LocalPost> posts = loader.load(tx, ids.stream().map(found::get).filter(Objects::nonNull).toList());
            return paged(posts, ids);
        });
    }

    /** The names of the hashtags the actor features, as they featured them (Mastodon's featuredTags collection). */
    public List<String> featuredTags(Account actor) {
        return db.read(tx -> featuredTags.of(tx, actor.id()).stream().map(FeaturedTagRepository.Row::name)
                .toList());
    }

    /** The pinned public and unlisted statuses, most recently pinned first. */
    public List<LocalNote> featured(Account actor) {
        return db.read(tx -> {
            List<Long> ids = accountStatuses.pinned(tx, actor.id(), LISTED, Page.first(PAGE_SIZE));
            Map<Long, Status> found = statuses.findAll(tx, ids);
            return loader.load(tx, ids.stream().map(found::get).filter(Objects::nonNull).toList()).stream()
                    .filter(LocalNote.class::isInstance).map(LocalNote.class::cast).toList();
        });
    }

    /** A page of the ids of those who follow {@code actor}, newest follow first; refused when they are hidden. */
    public Paged<String> followers(Account actor, Page page) {
        requireShown(actor);
        return db.read(tx -> uris(tx, graph.followers(tx, actor.id(), bounded(page))));
    }

    /** A page of the ids of those {@code actor} follows, newest follow first; refused when they are hidden. */
    public Paged<String> following(Account actor, Page page) {
        requireShown(actor);
        return db.read(tx -> uris(tx, graph.following(tx, actor.id(), bounded(page))));
    }

    /** Mastodon answers a page of hidden followers or follows with 403 (Mastodon::NotPermittedError). */
    private static void requireShown(Account actor) {
        if (actor.hideCollections()) {
            throw new ForbiddenException("This action is not allowed");
        }
    }

    private Paged<String> uris(social.starling.db.Tx tx, List<GraphPagesRepository.Entry> entries) {
        Map<Long, String> uri = new HashMap<>();
        accounts.findAll(tx, entries.stream().map(GraphPagesRepository.Entry::accountId).toList())
                .forEach(a -> uri.put(a.id(), a.uri()));
        List<String> items = entries.stream().map(e -> uri.get(e.accountId())).filter(Objects::nonNull).toList();
        return paged(items, entries.stream().map(GraphPagesRepository.Entry::pagingId).toList());
    }

    private static <T> Paged<T> paged(List<T> items, List<Long> pagingIds) {
        if (pagingIds.isEmpty()) {
            return Paged.empty();
        }
        return new Paged<>(items, pagingIds.getFirst(), pagingIds.getLast(), pagingIds.size() == PAGE_SIZE);
    }

    private static Page bounded(Page page) {
        return new Page(page.maxId(), page.sinceId(), page.minId(), PAGE_SIZE);
    }
}
