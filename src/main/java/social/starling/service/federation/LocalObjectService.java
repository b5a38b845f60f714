package social.starling.service.federation;

import java.util.List;
import java.util.Set;
import social.starling.db.Database;
import social.starling.db.FederationRepository;
import social.starling.db.StatusRepository;
import social.starling.errors.NotFoundException;
import social.starling.model.Account;
import social.starling.model.Status;
import social.starling.model.Visibility;
import social.starling.model.federation.LocalPost;
import social.starling.model.federation.Paged;

/**
 * Local statuses as other servers fetch them, unsigned: only public and unlisted statuses of visible members; a
 * private or direct status, a status of someone else, and a deleted status are all "not found" (Starling deletes
 * status rows, so it cannot tell a deleted status from one that never existed, and answers 404 where Mastodon,
 * which keeps them discarded for a while, also answers 404). Signed fetches, which may see more, come later.
 */
public final class LocalObjectService {
    /** What an unsigned fetch may see. */
    static final Set<Visibility> LISTED = Set.of(Visibility.PUBLIC, Visibility.UNLISTED);
    /** Replies per page of a {@code replies} collection. */
    public static final int REPLIES_PAGE = 20;

    private final Database db;
    private final StatusRepository statuses;
    private final FederationRepository federation;
    private final LocalActorService actors;
    private final LocalPostLoader loader;

    public LocalObjectService(Database db, StatusRepository statuses, FederationRepository federation,
                              LocalActorService actors, LocalPostLoader loader) {
        this.db = db;
        this.statuses = statuses;
        this.federation = federation;
        this.actors = actors;
        this.loader = loader;
    }

    /** {@code username}'s status {@code id} (a note, or a reblog), if an unsigned fetch may see it. */
    public LocalPost require(String username, long id) {
        Account author = actors.find(username).orElseThrow(() -> new NotFoundException("Record not found"));
        return db.read(tx -> {
            Status status = statuses.find(tx, id)
                    .filter(s -> s.accountId() == author.id() && s.local() && LISTED.contains(s.visibility()))
                    .orElseThrow(() -> new NotFoundException("Record not found"));
            List<LocalPost> loaded = loader.load(tx, List.of(status));
            if (loaded.isEmpty()) {
                throw new NotFoundException("Record not found");
            }
            return loaded.getFirst();
        });
    }

    /**
     * A page of the public and unlisted replies to {@code username}'s note {@code id}, oldest first after
     * {@code afterId}: the author's own ({@code self}), else everyone else's (Mastodon's RepliesController walks the
     * first, then the second with {@code only_other_accounts}).
     */
    public Paged<Status> replies(String username, long id, boolean self, long afterId) {
        LocalPost parent = require(username, id);
        if (parent.status().isReblog()) {
            throw new NotFoundException("Record not found");
        }
        List<Status> page = db.read(tx -> federation.replies(tx, id, parent.status().accountId(), self, afterId,
                REPLIES_PAGE));
        return page.isEmpty() ? Paged.empty()
                : new Paged<>(page, page.getLast().id(), page.getFirst().id(), page.size() == REPLIES_PAGE);
    }
}
