package social.starling.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import social.starling.model.Account;
import social.starling.model.Status;

/**
 * How the inbox stores remote notes (Note, Question and the object types Mastodon reads as notes): the contract
 * between the activity handlers ({@code CreateNoteHandler}, {@code UpdateNoteHandler}, {@code DeleteNoteHandler},
 * Announce, Like) and the code that turns an AS2 object into a status through the one write path
 * ({@link social.starling.service.status.StatusWriter}).
 *
 * <p>Every method enforces the origin rules itself (FEP-fe34): the object's id must share the actor's origin and
 * its {@code attributedTo} must be the actor; nothing may claim an id on this server. A refused object is ignored
 * with a log line, never an exception that would retry the job. All are idempotent on the object id.
 */
public interface NoteIngest {
    /** {@code Create} by {@code actor} of {@code object} (embedded, or fetched by the caller). Empty if refused. */
    Optional<Status> create(Account actor, JsonNode object);

    /** {@code Update} by {@code actor}: applies the new version as an edit of the stored status (or stores it). */
    void update(Account actor, JsonNode object);

    /** {@code Delete} by {@code actor} of the object {@code objectId}: only a status of their own. */
    void delete(Account actor, String objectId);

    /**
     * The status for {@code objectId}: a local one, a stored remote one, or a remote one fetched (signed, through
     * the SSRF guard), checked and stored now. Used for Announce, Like, replies and search. Empty if it cannot be
     * had or may not be seen.
     */
    Optional<Status> resolve(String objectId);

    /**
     * Whether {@code authorizationUri} is a QuoteAuthorization, served by {@code quotedAuthor}'s server and
     * attributed to them, approving {@code quotingUri} quoting {@code quotedUri} (fetched now).
     */
    boolean verifyQuoteAuthorization(String authorizationUri, Account quotedAuthor, String quotingUri,
                                     String quotedUri);
}
