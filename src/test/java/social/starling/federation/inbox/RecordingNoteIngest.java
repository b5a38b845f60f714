package social.starling.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import social.starling.model.Account;
import social.starling.model.Status;

/**
 * A {@link NoteIngest} for tests of the inbox's dispatch: stores nothing, records each call as
 * {@code "<verb> <object id>"}, resolves nothing.
 */
final class RecordingNoteIngest implements NoteIngest {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public Optional<Status> create(Account actor, JsonNode object) {
        calls.add("create " + object.path("id").asText());
        return Optional.empty();
    }

    @Override
    public void update(Account actor, JsonNode object) {
        calls.add("update " + object.path("id").asText());
    }

    @Override
    public void delete(Account actor, String objectId) {
        calls.add("delete " + objectId);
    }

    @Override
    public Optional<Status> resolve(String objectId) {
        return Optional.empty();
    }

    @Override
    public boolean verifyQuoteAuthorization(String authorizationUri, Account quotedAuthor, String quotingUri,
                                            String quotedUri) {
        calls.add("verify " + authorizationUri);
        return false;
    }
}
