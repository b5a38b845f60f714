package social.starling.service.interaction;

import java.time.Clock;
import social.starling.db.Database;
import social.starling.db.StatusMarkRepository;
import social.starling.db.StatusRepository;
import social.starling.model.IdGenerator;
import social.starling.model.Status;
import social.starling.model.view.StatusView;
import social.starling.service.status.StatusViews;

/**
 * {@code POST /api/v1/statuses/:id/bookmark} and {@code /unbookmark}, both idempotent and private to the caller
 * (no counter, no notification). A reblog's bookmark is stored on its original, as Mastodon's Bookmark model does.
 * Bookmarking needs a visible status (404 otherwise); removing a bookmark does not.
 */
public final class BookmarkService {
    private final Database db;
    private final StatusMarkRepository marks;
    private final StatusRepository statuses;
    private final StatusViews views;
    private final IdGenerator ids;
    private final Clock clock;

    public BookmarkService(Database db, StatusMarkRepository marks, StatusRepository statuses, StatusViews views,
                           IdGenerator ids, Clock clock) {
        this.db = db;
        this.marks = marks;
        this.statuses = statuses;
        this.views = views;
        this.ids = ids;
        this.clock = clock;
    }

    public StatusView bookmark(long accountId, long statusId) {
        Status target = Targets.content(Targets.visible(views, statusId, accountId));
        db.inTransaction(tx -> marks.add(tx, StatusMarkRepository.Kind.BOOKMARK, ids.next(), accountId, target.id(),
                clock.instant()));
        return Targets.visible(views, statusId, accountId);
    }

    public StatusView unbookmark(long accountId, long statusId) {
        long targetId = Targets.originalId(db, statuses, statusId);
        db.inTransaction(tx -> marks.remove(tx, StatusMarkRepository.Kind.BOOKMARK, accountId, targetId));
        return Targets.visible(views, statusId, accountId);
    }
}
