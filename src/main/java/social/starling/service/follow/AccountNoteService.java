package social.starling.service.follow;

import java.time.Clock;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.RelationshipRepository;
import social.starling.errors.NotFoundException;
import social.starling.errors.UnprocessableException;

/**
 * {@code POST /api/v1/accounts/:id/note}: the private note one person keeps about another, shown only to them as
 * Relationship.note. A blank comment removes it (Api::V1::Accounts::NotesController); at most 2,000 characters
 * (AccountNote's validation).
 */
public final class AccountNoteService {
    public static final int MAX = 2000;

    private final Database db;
    private final AccountRepository accounts;
    private final RelationshipRepository relationships;
    private final Clock clock;

    public AccountNoteService(Database db, AccountRepository accounts, RelationshipRepository relationships,
                              Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.relationships = relationships;
        this.clock = clock;
    }

    public void set(long viewerId, long targetId, String comment) {
        String text = comment == null ? "" : comment;
        if (text.codePointCount(0, text.length()) > MAX) {
            throw new UnprocessableException("Validation failed: Comment is too long (maximum is " + MAX
                    + " characters)");
        }
        db.inTransaction(tx -> {
            accounts.find(tx, targetId).orElseThrow(() -> new NotFoundException("Record not found"));
            relationships.setNote(tx, viewerId, targetId, text.isBlank() ? "" : text, clock.instant());
            return null;
        });
    }
}
