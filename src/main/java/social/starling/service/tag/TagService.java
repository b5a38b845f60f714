package social.starling.service.tag;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import social.starling.db.Database;
import social.starling.db.FeaturedTagRepository;
import social.starling.db.TagFeedRepository;
import social.starling.db.TagFollowRepository;
import social.starling.db.TagRepository;
import social.starling.db.Tx;
import social.starling.errors.NotFoundException;
import social.starling.model.IdGenerator;
import social.starling.model.Page;
import social.starling.model.view.TagView;
import social.starling.text.StatusText;
import social.starling.text.TextEntity;

/**
 * Hashtags as Mastodon's Api::V1::TagsController and FollowedTagsController show them: a tag with a week of daily
 * use and, for a signed-in viewer, whether they follow it; following and unfollowing (both idempotent; following
 * creates a tag nobody has used yet). A name that is not a valid hashtag is a 404. A tag that does not exist yet is
 * shown all the same, with no id and no use, as Mastodon shows an unsaved Tag.
 */
public final class TagService {
    static final int HISTORY_DAYS = 7;

    /** A followed tag with the follow's id, which /api/v1/followed_tags pages by. */
    public record Followed(long followId, TagView tag) {
    }

    private final Database db;
    private final TagRepository tags;
    private final TagFollowRepository follows;
    private final TagFeedRepository uses;
    private final FeaturedTagRepository featured;
    private final IdGenerator ids;
    private final Clock clock;

    public TagService(Database db, TagRepository tags, TagFollowRepository follows, TagFeedRepository uses,
                      FeaturedTagRepository featured, IdGenerator ids, Clock clock) {
        this.featured = featured;
        this.db = db;
        this.tags = tags;
        this.follows = follows;
        this.uses = uses;
        this.ids = ids;
        this.clock = clock;
    }

    public TagView show(String name, Long viewerId) {
        String valid = validName(name);
        return db.read(tx -> view(tx, tags.find(tx, valid), valid, viewerId));
    }

    public TagView follow(long viewerId, String name) {
        String valid = validName(name);
        return db.inTransaction(tx -> {
            TagRepository.Tag tag = tags.findOrCreate(tx, valid, ids, clock.instant());
            follows.follow(tx, ids.next(), viewerId, tag.id(), clock.instant());
            return view(tx, Optional.of(tag), valid, viewerId);
        });
    }

    public TagView unfollow(long viewerId, String name) {
        String valid = validName(name);
        return db.inTransaction(tx -> {
            Optional<TagRepository.Tag> tag = tags.find(tx, valid);
            tag.ifPresent(t -> follows.unfollow(tx, viewerId, t.id()));
            return view(tx, tag, valid, viewerId);
        });
    }

    public List<Followed> followed(long viewerId, Page page) {
        return db.read(tx -> {
            List<TagFollowRepository.FollowedTag> rows = follows.page(tx, viewerId, page);
            List<Long> tagIds = rows.stream().map(f -> f.tag().id()).toList();
            Map<Long, Map<Long, TagFeedRepository.DayUse>> use = uses.dailyUse(tx, tagIds, historyStart());
            var featuring = featured.featuredAmong(tx, viewerId, tagIds);
            return rows.stream().map(f -> new Followed(f.followId(), new TagView(f.tag().id(), f.tag().name(),
                    history(use.getOrDefault(f.tag().id(), Map.of())), true, featuring.contains(f.tag().id()))))
                    .toList();
        });
    }

    private TagView view(Tx tx, Optional<TagRepository.Tag> tag, String requested, Long viewerId) {
        if (tag.isEmpty()) {
            Boolean no = viewerId == null ? null : false;
            return new TagView(null, requested, history(Map.of()), no, no);
        }
        long id = tag.get().id();
        Boolean featuring = viewerId == null ? null : featured.featuredAmong(tx, viewerId, List.of(id)).contains(id);
        var use = uses.dailyUse(tx, List.of(id), historyStart()).getOrDefault(id, Map.of());
        return new TagView(id, tag.get().name(), history(use),
                viewerId == null ? null : follows.follows(tx, viewerId, id), featuring);
    }

    private Instant historyStart() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return today.minusDays(HISTORY_DAYS - 1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The last seven UTC days, today first (Mastodon's Tag::History), from counts by epoch day. */
    private List<TagView.Day> history(Map<Long, TagFeedRepository.DayUse> byDay) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<TagView.Day> out = new ArrayList<>();
        for (int i = 0; i < HISTORY_DAYS; i++) {
            LocalDate day = today.minusDays(i);
            TagFeedRepository.DayUse use = byDay.get(day.toEpochDay());
            out.add(new TagView.Day(day.atStartOfDay(ZoneOffset.UTC).toInstant(), use == null ? 0 : use.uses(),
                    use == null ? 0 : use.accounts()));
        }
        return out;
    }

    /** The name if it is a valid hashtag name (Mastodon's Tag::HASHTAG_NAME_RE), else 404. */
    static String validName(String raw) {
        String name = raw == null ? "" : raw.strip();
        List<TextEntity.Hashtag> found = StatusText.extract("#" + name).hashtags();
        if (name.isEmpty() || found.size() != 1 || !found.getFirst().name().equals(name)) {
            throw new NotFoundException("Record not found");
        }
        return name;
    }
}
