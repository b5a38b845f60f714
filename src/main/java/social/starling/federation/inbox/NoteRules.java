package social.starling.federation.inbox;

import com.fasterxml.jackson.databind.JsonNode;

/** The edge rules for a note the sender creates or updates: its id on the sender's origin, attributed to it. */
final class NoteRules {
    private NoteRules() {
    }

    static void ownNote(Inbound a, JsonNode note) {
        String id = Activities.idOf(note).filter(x -> note.isObject())
                .orElseThrow(() -> a.refuse("the note has no id"));
        Rules.onActorOrigin(a, id);
        if (!Activities.ids(note.get("attributedTo")).contains(a.actor().uri())) {
            throw a.refuse("the note " + id + " is not attributed to the sender");
        }
    }
}
