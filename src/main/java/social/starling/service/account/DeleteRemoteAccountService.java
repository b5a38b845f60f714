package social.starling.service.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.InboxRepository;
import social.starling.db.StatusMarkRepository;
import social.starling.db.StatusRepository;
import social.starling.db.Tx;
import social.starling.model.Page;
import social.starling.model.Status;
import social.starling.model.StatusMark;
import social.starling.service.follow.FollowService;
import social.starling.service.outbox.Outbox;

/**
 * A remote actor deleted itself ({@code Delete} whose object is the actor): Mastodon's DeleteAccountService as
 * called from activitypub/activity/delete.rb (no username reserved, nothing sent back). Its follows end both ways
 * and its pending requests are withdrawn (through {@link FollowService}, so counts, feeds and lists follow), its
 * favourites are taken back (counts, notifications), its statuses and reblogs are deleted (with the counters they
 * raised), and the account row is kept, marked suspended, so its URI is not re-fetched into a new account by a
 * late activity and everything that hides suspended accounts hides it. Idempotent. Remote accounts only.
 */
public final class DeleteRemoteAccountService {
    private static final int BATCH = 200;

    private final Database db;
    private final AccountRepository accounts;
    private final InboxRepository inbox;
    private final StatusRepository statuses;
    private final StatusMarkRepository marks;
    private final FollowService follows;
    private final Outbox outbox;
    private final AccountChanges changes;
    private final Clock clock;

    public DeleteRemoteAccountService(Database db, AccountRepository accounts, InboxRepository inbox,
                                      StatusRepository statuses, StatusMarkRepository marks, FollowService follows,
                                      Outbox outbox, AccountChanges changes, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.inbox = inbox;
        this.statuses = statuses;
        this.marks = marks;
        this.follows = follows;
        this.outbox = outbox;
        this.changes = changes;
        this.clock = clock;
    }

    public void delete(long accountId) {
        if (db.read(tx -> accounts.find(tx, accountId)).filter(a -> !a.isLocal()).isEmpty()) {
            return;
        }
        for (long target : db.read(tx -> inbox.followingIds(tx, accountId))) {
            follows.unfollow(accountId, target);
        }
        for (long follower : db.read(tx -> inbox.followerIds(tx, accountId))) {
            follows.removeFollower(accountId, follower);
        }
        for (long other : db.read(tx -> inbox.requestCounterparts(tx, accountId))) {
            follows.unfollow(accountId, other);
            follows.removeFollower(accountId, other);
        }
        List<StatusMark> favourites;
        do {
            favourites = db.inTransaction(tx -> {
                List<StatusMark> batch = marks.byAccount(tx, StatusMarkRepository.Kind.FAVOURITE, accountId,
                        Page.first(BATCH));
                for (StatusMark m : batch) {
                    if (marks.remove(tx, StatusMarkRepository.Kind.FAVOURITE, accountId, m.statusId())) {
                        statuses.count(tx, m.statusId(), StatusRepository.Counter.FAVOURITES, -1);
                        statuses.find(tx, m.statusId()).ifPresent(s -> outbox.unfavourited(tx, accountId, s));
                    }
                }
                return batch;
            });
        } while (favourites.size() == BATCH);
        List<Long> batch;
        do {
            batch = db.inTransaction(tx -> {
                List<Long> ids = inbox.statusIds(tx, accountId, BATCH);
                ids.forEach(id -> statuses.find(tx, id).ifPresent(s -> deleteStatus(tx, s)));
                return ids;
            });
        } while (batch.size() == BATCH);
        db.inTransaction(tx -> {
            inbox.markSuspended(tx, accountId, clock.instant());
            // The row cache of this node at once; other nodes' copies expire within seconds (AccountRepository).
            tx.afterCommit(() -> accounts.forget(accountId));
            changes.changed(tx, accountId);
            return null;
        });
    }

    /** As DeleteStatusService, without the author's check: the counters the status raised come down with it. */
    private void deleteStatus(Tx tx, Status s) {
        Instant now = clock.instant();
        for (long reblogId : statuses.reblogIds(tx, s.id())) {
            statuses.find(tx, reblogId).ifPresent(r -> accounts.countStatus(tx, r.accountId(), -1, now));
        }
        statuses.delete(tx, s.id());
        accounts.countStatus(tx, s.accountId(), -1, now);
        if (s.inReplyToId() != null) {
            statuses.count(tx, s.inReplyToId(), StatusRepository.Counter.REPLIES, -1);
        }
        if (s.isReblog()) {
            statuses.count(tx, s.reblogOfId(), StatusRepository.Counter.REBLOGS, -1);
            statuses.find(tx, s.reblogOfId()).ifPresent(o -> outbox.unreblogged(tx, s, o));
        } else {
            outbox.statusDeleted(tx, s);
        }
    }
}
