package social.starling.service.interaction;

import social.starling.db.Database;
import social.starling.db.StatusRepository;
import social.starling.errors.NotFoundException;
import social.starling.model.Status;
import social.starling.model.view.StatusView;
import social.starling.service.status.StatusViews;

/** Finding the status an interaction is about: what the viewer may not see is a 404, a reblog stands for its original. */
final class Targets {
    private Targets() {
    }

    /** The status as the viewer sees it, or 404 "Record not found". */
    static StatusView visible(StatusViews views, long statusId, long viewerId) {
        return views.one(statusId, viewerId).orElseThrow(() -> new NotFoundException("Record not found"));
    }

    /** The status whose content is shown: the original of a reblog, else the status itself. */
    static Status content(StatusView view) {
        return view.reblog() != null ? view.reblog().status() : view.status();
    }

    /**
     * The id the mark is stored under for {@code statusId}, without a visibility check (undoing a mark is allowed on
     * what one can no longer see): the original's id for a reblog. 404 if there is no such status.
     */
    static long originalId(Database db, StatusRepository statuses, long statusId) {
        Status s = db.read(tx -> statuses.find(tx, statusId))
                .orElseThrow(() -> new NotFoundException("Record not found"));
        return s.isReblog() ? s.reblogOfId() : s.id();
    }
}
