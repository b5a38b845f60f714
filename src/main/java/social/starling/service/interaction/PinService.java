package social.starling.service.interaction;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import social.starling.db.Database;
import social.starling.db.StatusMarkRepository;
import social.starling.errors.UnprocessableException;
import social.starling.model.IdGenerator;
import social.starling.model.Limits;
import social.starling.model.Status;
import social.starling.model.Visibility;
import social.starling.model.view.StatusView;
import social.starling.service.status.StatusViews;

/**
 * {@code POST /api/v1/statuses/:id/pin} and {@code /unpin}: featuring one's own statuses on one's profile.
 * Mastodon's StatusPinValidator rules and messages, all reported together: not a reblog, one's own, not direct, at
 * most {@link Limits#MAX_PINNED_STATUSES}. A status the caller may not see is a 404 (Statuses::BaseController).
 * Pinning what is pinned already answers the status (Mastodon answers 422 "Duplicate record" from its unique
 * index; being idempotent like the other marks is kinder to apps that retry).
 */
public final class PinService {
    private final Database db;
    private final StatusMarkRepository marks;
    private final StatusViews views;
    private final IdGenerator ids;
    private final Clock clock;

    public PinService(Database db, StatusMarkRepository marks, StatusViews views, IdGenerator ids, Clock clock) {
        this.db = db;
        this.marks = marks;
        this.views = views;
        this.ids = ids;
        this.clock = clock;
    }

    public StatusView pin(long accountId, long statusId) {
        Status status = Targets.visible(views, statusId, accountId).status();
        db.inTransaction(tx -> {
            if (marks.exists(tx, StatusMarkRepository.Kind.PIN, accountId, status.id())) {
                return null;
            }
            List<String> errors = new ArrayList<>();
            if (status.isReblog()) {
                errors.add("A boost cannot be pinned");
            }
            if (status.accountId() != accountId) {
                errors.add("Someone else's post cannot be pinned");
            }
            if (status.visibility() == Visibility.DIRECT) {
                errors.add("Posts that are only visible to mentioned users cannot be pinned");
            }
            if (marks.count(tx, StatusMarkRepository.Kind.PIN, accountId) >= Limits.MAX_PINNED_STATUSES) {
                errors.add("You have already pinned the maximum number of posts");
            }
            if (!errors.isEmpty()) {
                throw new UnprocessableException("Validation failed: " + String.join(", ", errors));
            }
            marks.add(tx, StatusMarkRepository.Kind.PIN, ids.next(), accountId, status.id(), clock.instant());
            return null;
        });
        return Targets.visible(views, statusId, accountId);
    }

    public StatusView unpin(long accountId, long statusId) {
        Status status = Targets.visible(views, statusId, accountId).status();
        db.inTransaction(tx -> marks.remove(tx, StatusMarkRepository.Kind.PIN, accountId, status.id()));
        return Targets.visible(views, statusId, accountId);
    }
}
