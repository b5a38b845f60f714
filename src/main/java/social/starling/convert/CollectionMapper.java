package social.starling.convert;

import java.util.List;
import java.util.Locale;
import social.starling.federation.vocab.As2;
import social.starling.federation.vocab.Collection;
import social.starling.federation.vocab.Tag;
import social.starling.model.Account;
import social.starling.model.LocalUris;
import social.starling.model.Status;
import social.starling.model.federation.LocalNote;
import social.starling.model.federation.LocalPost;
import social.starling.model.federation.Paged;

/**
 * A local actor's collections in Mastodon's shapes (ActivityPub::CollectionSerializer and the controllers that fill
 * it): a collection document names its size and its {@code first} (and, for the outbox, {@code last}) page; pages
 * are paged by id with {@code max_id} (older, {@code next}) and {@code min_id} (newer, {@code prev}), 20 items each.
 */
public final class CollectionMapper {
    private final LocalUris uris;
    private final NoteMapper notes;
    private final ActivityMapper activities;

    public CollectionMapper(LocalUris uris, NoteMapper notes, ActivityMapper activities) {
        this.uris = uris;
        this.notes = notes;
        this.activities = activities;
    }

    /** Bounds of a page request, for its own id. */
    public record PageParams(Long maxId, Long minId) {
    }

    /** The outbox: its size is every status (Mastodon's {@code statuses_count}), its pages what the caller may see. */
    public Collection outbox(Account a) {
        String id = uris.outbox(a.username());
        return new Collection(As2.CONTEXT, id, "OrderedCollection", a.statusesCount(), id + "?page=true",
                id + "?min_id=0&page=true", null, null, null, null, null);
    }

    public Collection outboxPage(Account a, PageParams params, Paged<LocalPost> page) {
        String id = uris.outbox(a.username());
        return page(As2.NOTE_CONTEXT, id, params, page, null,
                page.items().stream().map(p -> activities.toActivity(p).embedded()).toList());
    }

    /** Followers or following: only {@code id}, {@code type} and {@code totalItems} when the account hides them. */
    public Collection follows(Account a, boolean followers) {
        String id = followers ? uris.followers(a.username()) : uris.following(a.username());
        int total = followers ? a.followersCount() : a.followingCount();
        return a.hideCollections() ? Collection.counted(id, "OrderedCollection", total).withContext(As2.CONTEXT)
                : new Collection(As2.CONTEXT, id, "OrderedCollection", total, id + "?page=true", null, null, null,
                        null, null, null);
    }

    public Collection followsPage(Account a, boolean followers, PageParams params, Paged<String> page) {
        String id = followers ? uris.followers(a.username()) : uris.following(a.username());
        return page(As2.CONTEXT, id, params, page, followers ? a.followersCount() : a.followingCount(),
                page.items());
    }

    /** The pinned statuses, as notes (Mastodon's featured collection). */
    public Collection featured(Account a, List<LocalNote> pinned) {
        return new Collection(As2.NOTE_CONTEXT, uris.featured(a.username()), "OrderedCollection", pinned.size(),
                null, null, null, null, null, null, pinned.stream().map(n -> notes.toNote(n).embedded()).toList());
    }

    /**
     * Featured hashtags, unordered as Mastodon serves them: Hashtag objects whose {@code href} lists the actor's
     * statuses with the tag (ActivityPub::HashtagSerializer on a FeaturedTag: short_account_tag_url).
     */
    public Collection featuredTags(String id, String profileUrl, List<String> names) {
        return new Collection(As2.NOTE_CONTEXT, id, "Collection", names.size(), null, null, null, null, null,
                names.stream().map(n -> Tag.hashtag(profileUrl + "/tagged/" + n.toLowerCase(Locale.ROOT), n))
                        .toList(), null);
    }

    /** A page of a note's replies: ids, oldest first; {@code next} goes on to the rest, as Mastodon's. */
    public Collection repliesPage(String noteUri, boolean onlyOtherAccounts, Long minId, Paged<Status> page) {
        String repliesId = noteUri + "/replies";
        String next;
        if (page.full()) {
            next = NoteMapper.repliesPage(repliesId, page.items().getLast().id(), onlyOtherAccounts);
        } else {
            next = onlyOtherAccounts ? null : NoteMapper.repliesPage(repliesId, null, true);
        }
        return new Collection(As2.CONTEXT, NoteMapper.repliesPage(repliesId, minId, onlyOtherAccounts),
                "CollectionPage", null, null, null, repliesId, next, null,
                page.items().stream().map(Status::uri).toList(), null);
    }

    /** A note's {@code replies} collection as a document of its own: the note's, with its context. */
    public Collection replies(LocalNote note) {
        return notes.toNote(note).replies().withContext(As2.CONTEXT);
    }

    /** {@code likes} or {@code shares} of a note: only their size, as Mastodon. */
    public Collection counted(Status status, String which) {
        int total = which.equals("likes") ? status.favouritesCount() : status.reblogsCount();
        return Collection.counted(status.uri() + "/" + which, "Collection", total).withContext(As2.CONTEXT);
    }

    private static Collection page(Object context, String collectionId, PageParams params, Paged<?> page,
                                   Integer total, List<?> items) {
        String next = page.full() ? collectionId + "?max_id=" + page.oldestId() + "&page=true" : null;
        String prev = page.newestId() == null ? null : collectionId + "?min_id=" + page.newestId() + "&page=true";
        return new Collection(context, pageId(collectionId, params), "OrderedCollectionPage", total, null, null,
                collectionId, next, prev, null, items);
    }

    private static String pageId(String collectionId, PageParams params) {
        StringBuilder id = new StringBuilder(collectionId).append('?');
        if (params.maxId() != null) {
            id.append("max_id=").append(params.maxId()).append('&');
        }
        if (params.minId() != null) {
            id.append("min_id=").append(params.minId()).append('&');
        }
        return id.append("page=true").toString();
    }
}
