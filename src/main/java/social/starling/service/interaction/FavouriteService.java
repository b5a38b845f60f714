package social.starling.service.interaction;

import java.time.Clock;
import social.starling.db.Database;
import social.starling.db.StatusMarkRepository;
import social.starling.db.StatusRepository;
import social.starling.model.IdGenerator;
import social.starling.model.Status;
import social.starling.model.view.StatusView;
import social.starling.service.outbox.Outbox;
import social.starling.service.status.StatusViews;

/**
 * {@code POST /api/v1/statuses/:id/favourite} and {@code /unfavourite}, both idempotent. Favouriting a reblog
 * favourites its original (Mastodon's Favourite model does the same). A new favourite raises the status's
 * favourites_count and notifies its author; undoing it lowers the count and withdraws the notification. Favouriting
 * needs the status to be visible to the caller (404 otherwise); unfavouriting does not, so a favourite on a status
 * that has since become invisible (a block, an unfollow) can still be taken back (the answer is then 404, as the
 * status cannot be shown).
 */
public final class FavouriteService {
    private final Database db;
    private final StatusMarkRepository marks;
    private final StatusRepository statuses;
    private final StatusViews views;
    private final Outbox outbox;
    private final IdGenerator ids;
    private final Clock clock;

    public FavouriteService(Database db, StatusMarkRepository marks, StatusRepository statuses, StatusViews views,
                            Outbox outbox, IdGenerator ids, Clock clock) {
        this.db = db;
        this.marks = marks;
        this.statuses = statuses;
        this.views = views;
        this.outbox = outbox;
        this.ids = ids;
        this.clock = clock;
    }

    /** Returns the status (as asked for, a reblog stays a reblog) as the caller now sees it. */
    public StatusView favourite(long accountId, long statusId) {
        Status target = Targets.content(Targets.visible(views, statusId, accountId));
        db.inTransaction(tx -> {
            if (marks.add(tx, StatusMarkRepository.Kind.FAVOURITE, ids.next(), accountId, target.id(),
                    clock.instant())) {
                statuses.count(tx, target.id(), StatusRepository.Counter.FAVOURITES, 1);
                outbox.favourited(tx, accountId, target);
            }
            return null;
        });
        return Targets.visible(views, statusId, accountId);
    }

    public StatusView unfavourite(long accountId, long statusId) {
        long targetId = Targets.originalId(db, statuses, statusId);
        db.inTransaction(tx -> {
            if (marks.remove(tx, StatusMarkRepository.Kind.FAVOURITE, accountId, targetId)) {
                statuses.count(tx, targetId, StatusRepository.Counter.FAVOURITES, -1);
                statuses.find(tx, targetId).ifPresent(s -> outbox.unfavourited(tx, accountId, s));
            }
            return null;
        });
        return Targets.visible(views, statusId, accountId);
    }
}
