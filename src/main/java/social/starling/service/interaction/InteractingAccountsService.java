package social.starling.service.interaction;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.ReblogRepository;
import social.starling.db.StatusMarkRepository;
import social.starling.errors.NotFoundException;
import social.starling.model.Account;
import social.starling.model.Page;
import social.starling.model.StatusMark;
import social.starling.service.visibility.Relations;
import social.starling.service.visibility.RelationsCache;
import social.starling.service.status.StatusViews;

/**
 * {@code GET /api/v1/statuses/:id/favourited_by} and {@code /reblogged_by}: who favourited or reblogged a status
 * the viewer may see (404 otherwise), newest first, paged by the favourite's / reblog's id. As Mastodon: suspended
 * accounts are left out, and so, for a signed-in viewer, are accounts they block, are blocked by or mute; private
 * reblogs are not listed.
 */
public final class InteractingAccountsService {
    private final Database db;
    private final StatusMarkRepository marks;
    private final ReblogRepository reblogs;
    private final AccountRepository accounts;
    private final StatusViews views;
    private final RelationsCache relations;

    public InteractingAccountsService(Database db, StatusMarkRepository marks, ReblogRepository reblogs,
                                      AccountRepository accounts, StatusViews views, RelationsCache relations) {
        this.db = db;
        this.marks = marks;
        this.reblogs = reblogs;
        this.accounts = accounts;
        this.views = views;
        this.relations = relations;
    }

    public Listing<Account> favouritedBy(long statusId, Long viewerId, Page page) {
        requireVisible(statusId, viewerId);
        return accountsOf(db.read(tx -> marks.byStatus(tx, StatusMarkRepository.Kind.FAVOURITE, statusId, page)),
                viewerId);
    }

    public Listing<Account> rebloggedBy(long statusId, Long viewerId, Page page) {
        requireVisible(statusId, viewerId);
        return accountsOf(db.read(tx -> reblogs.byStatus(tx, statusId, page)), viewerId);
    }

    private void requireVisible(long statusId, Long viewerId) {
        if (!views.visible(statusId, viewerId)) {
            throw new NotFoundException("Record not found");
        }
    }

    private Listing<Account> accountsOf(List<StatusMark> rows, Long viewerId) {
        Map<Long, Account> byId = new HashMap<>();
        db.read(tx -> accounts.findAll(tx, rows.stream().map(StatusMark::accountId).toList()))
                .forEach(a -> byId.put(a.id(), a));
        Relations rel = viewerId == null ? null : relations.of(viewerId);
        List<Account> shown = rows.stream().map(r -> byId.get(r.accountId())).filter(Objects::nonNull)
                .filter(a -> !a.suspended())
                .filter(a -> rel == null || !rel.blockedEitherWay(a.id()) && !rel.mutes(a.id()))
                .toList();
        return new Listing<>(shown, rows.stream().map(StatusMark::id).toList());
    }
}
