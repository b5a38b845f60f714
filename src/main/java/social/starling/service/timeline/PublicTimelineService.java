package social.starling.service.timeline;

import java.util.List;
import social.starling.db.Database;
import social.starling.db.StatusRepository;
import social.starling.model.Page;
import social.starling.model.view.StatusView;
import social.starling.service.status.StatusViews;

/**
 * The public timelines (Mastodon's PublicFeed): public statuses, no reblogs, no replies to others (a thread by one
 * author stays), optionally only local or only remote ones; what the viewer mutes or blocks is left out. A
 * limited (silenced) account's statuses show only to its followers (and itself).
 */
public final class PublicTimelineService {
    public enum Scope { ALL, LOCAL, REMOTE }

    private final Database db;
    private final StatusRepository statuses;
    private final StatusViews views;

    public PublicTimelineService(Database db, StatusRepository statuses, StatusViews views) {
        this.db = db;
        this.statuses = statuses;
        this.views = views;
    }

    public List<StatusView> timeline(Long viewerId, Scope scope, boolean onlyMedia, Page page) {
        if (onlyMedia) {
            return List.of(); // media attachments are not part of Starling yet, so nothing qualifies
        }
        // Over-fetch a little: statuses the viewer mutes or blocks are dropped after loading.
        Page wider = new Page(page.maxId(), page.sinceId(), page.minId(), Math.min(page.limit() * 2, 80));
        Boolean local = scope == Scope.ALL ? null : scope == Scope.LOCAL;
        List<Long> ids = db.read(tx -> statuses.publicTimeline(tx, local, viewerId, wider));
        List<StatusView> loaded = views.load(ids, viewerId, StatusViews.Mode.FEED, "public");
        return loaded.size() > page.limit() ? (page.ascending()
                ? loaded.subList(loaded.size() - page.limit(), loaded.size())
                : loaded.subList(0, page.limit())) : loaded;
    }
}
