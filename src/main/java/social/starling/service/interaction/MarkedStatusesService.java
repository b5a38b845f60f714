package social.starling.service.interaction;

import java.util.List;
import social.starling.db.Database;
import social.starling.db.StatusMarkRepository;
import social.starling.model.Page;
import social.starling.model.StatusMark;
import social.starling.model.view.StatusView;
import social.starling.service.status.StatusViews;

/**
 * {@code GET /api/v1/favourites} and {@code GET /api/v1/bookmarks}: the caller's favourited or bookmarked statuses,
 * most recently marked first, paged by the favourite's / bookmark's id (Mastodon's FavouritesController and
 * BookmarksController). Statuses the caller may no longer see are left out of the page (Mastodon shows them).
 */
public final class MarkedStatusesService {
    private final Database db;
    private final StatusMarkRepository marks;
    private final StatusViews views;

    public MarkedStatusesService(Database db, StatusMarkRepository marks, StatusViews views) {
        this.db = db;
        this.marks = marks;
        this.views = views;
    }

    public Listing<StatusView> favourites(long viewerId, Page page) {
        return list(StatusMarkRepository.Kind.FAVOURITE, viewerId, page);
    }

    public Listing<StatusView> bookmarks(long viewerId, Page page) {
        return list(StatusMarkRepository.Kind.BOOKMARK, viewerId, page);
    }

    private Listing<StatusView> list(StatusMarkRepository.Kind kind, long viewerId, Page page) {
        List<StatusMark> rows = db.read(tx -> marks.byAccount(tx, kind, viewerId, page));
        List<StatusView> shown = views.load(rows.stream().map(StatusMark::statusId).toList(), viewerId,
                StatusViews.Mode.SHOW, null);
        return new Listing<>(shown, rows.stream().map(StatusMark::id).toList());
    }
}
