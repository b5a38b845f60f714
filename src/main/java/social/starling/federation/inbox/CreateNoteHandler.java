package social.starling.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import social.starling.federation.fetch.FetchException;
import social.starling.federation.fetch.RemoteFetcher;

/**
 * {@code Create} of a note (Note, Question, and the types Mastodon converts). The activity id and the note's id must
 * be on the sender's origin, and the note attributed to the sender; then {@link NoteIngest#create} stores it. A
 * Create that names its object only by id is dereferenced first (Mastodon's {@code dereference_object!}), from the
 * sender's origin only.
 */
public final class CreateNoteHandler implements ActivityHandler {
    private final NoteIngest notes;
    private final RemoteFetcher fetcher;

    public CreateNoteHandler(NoteIngest notes, RemoteFetcher fetcher) {
        this.notes = notes;
        this.fetcher = fetcher;
    }

    @Override
    public void handle(Inbound a) {
        Rules.idOnActorOrigin(a);
        JsonNode note = a.object();
        if (note.isTextual()) {
            Rules.onActorOrigin(a, note.asText());
            note = fetch(a, note.asText());
            if (!Activities.NOTE_TYPES.contains(Activities.type(note))) {
                throw a.refuse("the object is a " + Activities.type(note) + ", not a note");
            }
        }
        NoteRules.ownNote(a, note);
        notes.create(a.actor(), note);
    }

    private JsonNode fetch(Inbound a, String id) {
        try {
            return fetcher.getJson(new URI(id)).document();
        } catch (URISyntaxException | FetchException e) {
            throw a.refuse("the object " + id + " cannot be fetched: " + e.getMessage());
        }
    }
}
