package social.starling.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import social.starling.db.Database;
import social.starling.db.StatusRepository;
import social.starling.model.Account;
import social.starling.model.Status;

/**
 * TEMPORARY, replaced when the branches merge: the {@link NoteIngest} that App passes to the inbox until the real
 * one (package federation/note, built beside this branch) is wired in its place. It resolves only local statuses
 * by URI, so Like and Announce of members' statuses work, and ignores Create, Update and Delete of remote notes.
 */
public final class LocalOnlyNoteIngest implements NoteIngest {
    private static final Logger log = LoggerFactory.getLogger(LocalOnlyNoteIngest.class);

    private final Database db;
    private final StatusRepository statuses;
    private final Origins origins;

    public LocalOnlyNoteIngest(Database db, StatusRepository statuses, Origins origins) {
        this.db = db;
        this.statuses = statuses;
        this.origins = origins;
    }

    @Override
    public Optional<Status> create(Account actor, JsonNode object) {
        log.debug("remote notes are not stored yet: Create from {} ignored", actor.uri());
        return Optional.empty();
    }

    @Override
    public void update(Account actor, JsonNode object) {
        log.debug("remote notes are not stored yet: Update from {} ignored", actor.uri());
    }

    @Override
    public void delete(Account actor, String objectId) {
        log.debug("remote notes are not stored yet: Delete from {} ignored", actor.uri());
    }

    @Override
    public Optional<Status> resolve(String objectId) {
        return origins.isLocal(objectId) ? db.read(tx -> statuses.findByUri(tx, objectId)).filter(Status::local)
                : Optional.empty();
    }
}
