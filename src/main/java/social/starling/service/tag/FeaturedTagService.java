package social.starling.service.tag;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.FeaturedTagRepository;
import social.starling.db.TagRepository;
import social.starling.db.Tx;
import social.starling.errors.NotFoundException;
import social.starling.errors.UnprocessableException;
import social.starling.model.Account;
import social.starling.model.IdGenerator;
import social.starling.model.view.FeaturedTagView;
import social.starling.model.view.TagView;

/**
 * Featured hashtags as Mastodon's FeaturedTag and Api::V1::FeaturedTagsController: at most 10 per local account,
 * each once; the name is given without '#' (one leading '#' is dropped); listed most used first. Suggestions are the
 * ten tags most used in the person's latest 1,000 statuses that they do not feature yet.
 */
public final class FeaturedTagService {
    public static final int LIMIT = 10;
    static final int RECENT_STATUSES = 1000;

    private final Database db;
    private final FeaturedTagRepository featured;
    private final TagRepository tags;
    private final AccountRepository accounts;
    private final TagService tagViews;
    private final IdGenerator ids;
    private final Clock clock;

    public FeaturedTagService(Database db, FeaturedTagRepository featured, TagRepository tags,
                              AccountRepository accounts, TagService tagViews, IdGenerator ids, Clock clock) {
        this.db = db;
        this.featured = featured;
        this.tags = tags;
        this.accounts = accounts;
        this.tagViews = tagViews;
        this.ids = ids;
        this.clock = clock;
    }

    /** The account's featured tags, most used first; 404 for an unknown account, none for a suspended one. */
    public List<FeaturedTagView> of(long accountId) {
        return db.read(tx -> {
            Account account = accounts.find(tx, accountId)
                    .orElseThrow(() -> new NotFoundException("Record not found"));
            return account.suspended() ? List.<FeaturedTagView>of() : views(tx, account);
        });
    }

    /** POST /api/v1/featured_tags: 422 for an invalid name, a tag already featured, or more than {@value LIMIT}. */
    public FeaturedTagView create(long accountId, String rawName) {
        String name = rawName == null ? "" : rawName.strip();
        if (name.startsWith("#")) {
            name = name.substring(1);
        }
        if (name.isEmpty()) {
            throw new UnprocessableException("Validation failed: Name can't be blank");
        }
        if (!validName(name)) {
            throw new UnprocessableException("Validation failed: Name is invalid");
        }
        String valid = name;
        return db.inTransaction(tx -> {
            Account account = accounts.require(tx, accountId);
            TagRepository.Tag tag = tags.findOrCreate(tx, valid, ids, clock.instant());
            if (featured.findByTag(tx, accountId, tag.id()).isPresent()) {
                throw new UnprocessableException("Validation failed: Name has already been taken");
            }
            if (featured.count(tx, accountId) >= LIMIT) {
                throw new UnprocessableException(
                        "Validation failed: You have already featured the maximum number of hashtags");
            }
            long id = ids.next();
            featured.insert(tx, id, accountId, tag.id(), valid, clock.instant());
            return views(tx, account).stream().filter(v -> v.id() == id).findFirst().orElseThrow();
        });
    }

    /** DELETE /api/v1/featured_tags/:id: 404 unless it is the caller's. */
    public void delete(long accountId, long id) {
        db.inTransaction(tx -> {
            if (!featured.delete(tx, accountId, id)) {
                throw new NotFoundException("Record not found");
            }
            return null;
        });
    }

    /** POST /api/v1/tags/:name/feature: features the tag (idempotent); the Tag, now featuring. */
    public TagView feature(long accountId, String name) {
        String valid = TagService.validName(name);
        db.inTransaction(tx -> {
            TagRepository.Tag tag = tags.findOrCreate(tx, valid, ids, clock.instant());
            if (featured.findByTag(tx, accountId, tag.id()).isEmpty()) {
                if (featured.count(tx, accountId) >= LIMIT) {
                    throw new UnprocessableException(
                            "Validation failed: You have already featured the maximum number of hashtags");
                }
                featured.insert(tx, ids.next(), accountId, tag.id(), valid, clock.instant());
            }
            return null;
        });
        return tagViews.show(valid, accountId);
    }

    /** POST /api/v1/tags/:name/unfeature: idempotent; the Tag, no longer featuring. */
    public TagView unfeature(long accountId, String name) {
        String valid = TagService.validName(name);
        db.inTransaction(tx -> {
            tags.find(tx, valid).flatMap(t -> featured.findByTag(tx, accountId, t.id()))
                    .ifPresent(f -> featured.delete(tx, accountId, f.id()));
            return null;
        });
        return tagViews.show(valid, accountId);
    }

    /** GET /api/v1/featured_tags/suggestions: Tags with a week of history. */
    public List<TagView> suggestions(long accountId) {
        List<TagRepository.Tag> used = db.read(tx -> featured.recentlyUsed(tx, accountId, RECENT_STATUSES, LIMIT));
        return used.stream().map(t -> tagViews.show(t.name(), accountId)).toList();
    }

    private List<FeaturedTagView> views(Tx tx, Account account) {
        List<FeaturedTagRepository.Row> rows = featured.of(tx, account.id());
        Map<Long, FeaturedTagRepository.Use> use = featured.use(tx, account.id(),
                rows.stream().map(FeaturedTagRepository.Row::tagId).toList());
        return rows.stream().map(r -> {
            FeaturedTagRepository.Use u = use.get(r.tagId());
            // Mastodon's short_account_tag_url: the profile's statuses with this tag.
            return new FeaturedTagView(r.id(), r.name(), account.url() + "/tagged/" + r.name().toLowerCase(Locale.ROOT),
                    u == null ? 0 : u.count(), u == null ? null : u.lastStatusAt());
        }).sorted(Comparator.comparingLong(FeaturedTagView::statusesCount).reversed()
                .thenComparingLong(FeaturedTagView::id)).toList();
    }

    private static boolean validName(String name) {
        try {
            TagService.validName(name);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
