package social.starling.service.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.StatusEditRepository;
import social.starling.errors.NotFoundException;
import social.starling.model.Account;
import social.starling.model.Status;
import social.starling.model.StatusEdit;
import social.starling.model.view.StatusRevision;
import social.starling.model.view.StatusView;

/**
 * {@code GET /api/v1/statuses/:id/history} and {@code /source}. History: every revision, oldest first, including
 * the original; a status never edited has one, built from the status as it is (Mastodon's HistoriesController).
 * Only what the viewer may see. Source: the text as typed, for anyone who may see the status, as Mastodon's
 * SourcesController authorises it ({@code show?} with an app token and {@code read:statuses}; its docs: "404: Status
 * does not exist or is private"); a status hidden from the viewer is "not found".
 */
public final class StatusHistoryService {
    private final Database db;
    private final StatusEditRepository edits;
    private final AccountRepository accounts;
    private final StatusViews views;

    public StatusHistoryService(Database db, StatusEditRepository edits, AccountRepository accounts,
                                StatusViews views) {
        this.db = db;
        this.edits = edits;
        this.accounts = accounts;
        this.views = views;
    }

    public List<StatusRevision> history(long statusId, Long viewerId) {
        StatusView view = views.one(statusId, viewerId).filter(v -> !v.status().isReblog())
                .orElseThrow(() -> new NotFoundException("Record not found"));
        Status s = view.status();
        List<StatusEdit> revisions = db.read(tx -> edits.list(tx, statusId));
        if (revisions.isEmpty()) {
            List<String> options = view.poll() == null ? null : view.poll().poll().options();
            StatusEdit only = new StatusEdit(0, s.id(), s.accountId(), s.text(), s.content(), s.spoilerText(),
                    s.sensitive(), options, s.editedAt() != null ? s.editedAt() : s.createdAt());
            return List.of(new StatusRevision(only, view.account()));
        }
        Map<Long, Account> byId = new HashMap<>();
        db.read(tx -> accounts.findAll(tx, revisions.stream().map(StatusEdit::accountId).distinct().toList()))
                .forEach(a -> byId.put(a.id(), a));
        return revisions.stream()
                .map(e -> new StatusRevision(e, byId.getOrDefault(e.accountId(), view.account())))
                .toList();
    }

    /** @param viewerId the caller's account, or null for an app token without a user */
    public Status source(Long viewerId, long statusId) {
        return views.one(statusId, viewerId).map(StatusView::status)
                .orElseThrow(() -> new NotFoundException("Record not found"));
    }
}
