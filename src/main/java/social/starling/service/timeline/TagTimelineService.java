package social.starling.service.timeline;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import social.starling.db.Database;
import social.starling.db.TagFeedRepository;
import social.starling.db.TagRepository;
import social.starling.model.Page;
import social.starling.service.status.StatusViews;

/**
 * The hashtag timeline (Mastodon's TagFeed): public statuses with the tag or any of {@code any}, all of
 * {@code all}, none of {@code none}, at most four names per mode; local or remote only on request; never reblogs;
 * minus what the viewer blocks or mutes, with "public" filters. A tag nobody used gives an empty page.
 */
public final class TagTimelineService {
    /** Mastodon's TagFeed::LIMIT_PER_MODE. */
    static final int NAMES_PER_MODE = 4;

    /**
     * @param local      true: local statuses only; false: remote only; null: both
     * @param onlyMedia  statuses with media only (Starling has no media attachments yet, so none match)
     */
    public record Query(String tag, List<String> any, List<String> all, List<String> none, Boolean local,
                        boolean onlyMedia) {
    }

    private final Database db;
    private final TagRepository tags;
    private final TagFeedRepository feed;
    private final StatusViews views;
    private final Clock clock;

    public TagTimelineService(Database db, TagRepository tags, TagFeedRepository feed, StatusViews views,
                              Clock clock) {
        this.db = db;
        this.tags = tags;
        this.feed = feed;
        this.views = views;
        this.clock = clock;
    }

    public TimelinePage timeline(Long viewerId, Query query, Page page) {
        if (query.onlyMedia()) {
            return TimelinePage.EMPTY;
        }
        List<Long> ids = db.read(tx -> {
            List<String> anyNames = new ArrayList<>();
            anyNames.add(query.tag());
            anyNames.addAll(first(query.any()));
            List<TagRepository.Tag> any = tags.findAll(tx, anyNames);
            String key = query.tag().toLowerCase(Locale.ROOT); // a tag's key is its name in lower case
            if (any.stream().noneMatch(t -> t.name().toLowerCase(Locale.ROOT).equals(key))) {
                return List.<Long>of(); // nobody has used the tag of the path: found with the others, not alone
            }
            List<String> allNames = first(query.all()).stream().map(n -> n.toLowerCase(Locale.ROOT)).distinct()
                    .toList();
            List<Long> all = idsOf(tags.findAll(tx, allNames));
            if (all.size() < allNames.size()) {
                return List.<Long>of(); // a status cannot carry a tag nobody has used
            }
            var q = new TagFeedRepository.TagQuery(idsOf(any), all,
                    idsOf(tags.findAll(tx, first(query.none()))), query.local());
            return feed.timeline(tx, q, viewerId, page, clock.instant());
        });
        return new TimelinePage(views.load(ids, viewerId, StatusViews.Mode.FEED, "public"), ids);
    }

    private static List<String> first(List<String> names) {
        return names.stream().map(String::strip).map(n -> n.startsWith("#") ? n.substring(1) : n)
                .filter(n -> !n.isEmpty()).limit(NAMES_PER_MODE).toList();
    }

    private static List<Long> idsOf(List<TagRepository.Tag> found) {
        return found.stream().map(TagRepository.Tag::id).distinct().toList();
    }
}
