package social.starling.service.timeline;

import java.time.Clock;
import java.util.List;
import social.starling.db.Database;
import social.starling.db.ListRepository;
import social.starling.errors.NotFoundException;
import social.starling.model.Page;
import social.starling.model.UserList;
import social.starling.service.status.StatusViews;

/**
 * A list's timeline, computed when read (lists are not materialised): the members' statuses by the list's rules
 * (ListRepository#timeline), then what the owner may see, with mutes and "home" filters applied as on Mastodon.
 * Only the owner may read it; for anyone else the list does not exist.
 */
public final class ListTimelineService {
    private final Database db;
    private final ListRepository lists;
    private final StatusViews views;
    private final Clock clock;

    public ListTimelineService(Database db, ListRepository lists, StatusViews views, Clock clock) {
        this.db = db;
        this.lists = lists;
        this.views = views;
        this.clock = clock;
    }

    public TimelinePage timeline(long ownerId, long listId, Page page) {
        List<Long> ids = db.read(tx -> {
            UserList list = lists.findOwned(tx, ownerId, listId)
                    .orElseThrow(() -> new NotFoundException("Record not found"));
            return lists.timeline(tx, list, page, clock.instant());
        });
        return new TimelinePage(views.load(ids, ownerId, StatusViews.Mode.FEED, "home"), ids);
    }
}
