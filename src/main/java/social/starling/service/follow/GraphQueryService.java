package social.starling.service.follow;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.GraphPagesRepository;
import social.starling.db.RelationshipRepository;
import social.starling.db.Tx;
import social.starling.errors.NotFoundException;
import social.starling.model.Account;
import social.starling.model.Page;

/**
 * The account lists of the social graph, each paged by the relation's id as Mastodon pages them: followers and
 * following (public, but empty where the account hides its collections from others, has blocked the viewer, or is
 * suspended: Api::V1::Accounts::FollowerAccountsController#hide_results?), and one's own follow requests, blocks
 * and mutes.
 */
public final class GraphQueryService {
    /** An account in a page, the id the page is ordered by, and for mutes when the mute ends (null: never). */
    public record Entry(long pagingId, Account account, Instant muteExpiresAt) {
    }

    private final Database db;
    private final AccountRepository accounts;
    private final RelationshipRepository relationships;
    private final GraphPagesRepository pages;
    private final Clock clock;

    public GraphQueryService(Database db, AccountRepository accounts, RelationshipRepository relationships,
                             GraphPagesRepository pages, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.relationships = relationships;
        this.pages = pages;
        this.clock = clock;
    }

    public List<Entry> followers(long accountId, Long viewerId, Page page) {
        return db.read(tx -> visibleCollections(tx, accountId, viewerId)
                ? load(tx, pages.followers(tx, accountId, page)) : List.of());
    }

    public List<Entry> following(long accountId, Long viewerId, Page page) {
        return db.read(tx -> visibleCollections(tx, accountId, viewerId)
                ? load(tx, pages.following(tx, accountId, page)) : List.of());
    }

    public List<Entry> followRequests(long accountId, Page page) {
        return db.read(tx -> load(tx, pages.requests(tx, accountId, page)));
    }

    public List<Entry> blocks(long accountId, Page page) {
        return db.read(tx -> load(tx, pages.blocks(tx, accountId, page)));
    }

    /**
     * Accounts {@code accountId} endorses (GET /api/v1/endorsements, /api/v1/accounts/:id/endorsements): 404 for an
     * unknown account, empty for a suspended one (Api::V1::Accounts::EndorsementsController).
     */
    public List<Entry> endorsements(long accountId, Page page) {
        return db.read(tx -> {
            Account account = accounts.find(tx, accountId)
                    .orElseThrow(() -> new NotFoundException("Record not found"));
            return account.suspended() ? List.<Entry>of() : load(tx, pages.endorsements(tx, accountId, page));
        });
    }

    public List<Entry> mutes(long accountId, Page page) {
        return db.read(tx -> load(tx, pages.mutes(tx, accountId, clock.instant(), page)));
    }

    /** 404 for an unknown account; false where Mastodon answers an empty list. */
    private boolean visibleCollections(Tx tx, long accountId, Long viewerId) {
        Account account = accounts.find(tx, accountId).orElseThrow(() -> new NotFoundException("Record not found"));
        boolean self = viewerId != null && viewerId == accountId;
        if (account.suspended() || account.hideCollections() && !self) {
            return false;
        }
        return viewerId == null || !relationships.blocks(tx, accountId, viewerId);
    }

    private List<Entry> load(Tx tx, List<GraphPagesRepository.Entry> rows) {
        Map<Long, Account> byId = new HashMap<>();
        accounts.findAll(tx, rows.stream().map(GraphPagesRepository.Entry::accountId).toList())
                .forEach(a -> byId.put(a.id(), a));
        return rows.stream()
                .map(r -> byId.containsKey(r.accountId()) ? new Entry(r.pagingId(), byId.get(r.accountId()),
                        r.expiresAt()) : null)
                .filter(Objects::nonNull)
                .toList();
    }
}
