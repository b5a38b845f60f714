package social.starling.service.status;

import java.time.Clock;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.StatusRepository;
import social.starling.errors.NotFoundException;
import social.starling.model.Status;
import social.starling.model.view.StatusView;
import social.starling.service.interaction.ReblogService;
import social.starling.service.outbox.Outbox;

/**
 * {@code DELETE /api/v1/statuses/:id}: the author deletes a status. Its reblogs, mentions, tags, favourites,
 * bookmarks, pins, poll and notifications go with it (foreign keys cascade); home feeds drop it on their next read.
 * Returns the status as it was, with its source text, so an app can offer "delete and redraft".
 * <p>
 * One's own reblog may be deleted too (Mastodon's StatusesController#destroy finds any status of the caller's, and
 * RemoveStatusService undoes a reblog): that is the unreblog use case ({@link ReblogService#unreblog}: counts down,
 * notification withdrawn, out of the feeds, an {@code Undo} of the {@code Announce} federated); the answer is the
 * reblog as it was, as Mastodon renders it.
 */
public final class DeleteStatusService {
    private final Database db;
    private final StatusRepository statuses;
    private final AccountRepository accounts;
    private final StatusViews views;
    private final Outbox outbox;
    private final ReblogService reblogs;
    private final Clock clock;

    public DeleteStatusService(Database db, StatusRepository statuses, AccountRepository accounts, StatusViews views,
                               Outbox outbox, ReblogService reblogs, Clock clock) {
        this.db = db;
        this.statuses = statuses;
        this.accounts = accounts;
        this.views = views;
        this.outbox = outbox;
        this.reblogs = reblogs;
        this.clock = clock;
    }

    public StatusView delete(long accountId, long statusId) {
        StatusView view = views.one(statusId, accountId)
                .filter(v -> v.status().accountId() == accountId)
                .orElseThrow(() -> new NotFoundException("Record not found"));
        if (view.status().isReblog()) {
            reblogs.unreblog(accountId, view.status().reblogOfId());
            return view;
        }
        db.inTransaction(tx -> {
            Status s = statuses.find(tx, statusId).orElseThrow(() -> new NotFoundException("Record not found"));
            for (long reblogId : statuses.reblogIds(tx, statusId)) {
                statuses.find(tx, reblogId).ifPresent(r -> accounts.countStatus(tx, r.accountId(), -1, clock.instant()));
            }
            // Before the row goes: federation reads whom the status reached (its mentions go with the row).
            outbox.statusDeleted(tx, s);
            statuses.delete(tx, statusId);
            accounts.countStatus(tx, accountId, -1, clock.instant());
            if (s.inReplyToId() != null) {
                statuses.count(tx, s.inReplyToId(), StatusRepository.Counter.REPLIES, -1);
            }
            return null;
        });
        return view;
    }
}
