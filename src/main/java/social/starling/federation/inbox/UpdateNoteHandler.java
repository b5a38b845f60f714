package social.starling.federation.inbox;

/**
 * {@code Update} of a note: the sender's own (id on its origin, attributed to it; {@link NoteIngest#update} also
 * checks the stored status is the sender's), applied as an edit.
 */
public final class UpdateNoteHandler implements ActivityHandler {
    private final NoteIngest notes;

    public UpdateNoteHandler(NoteIngest notes) {
        this.notes = notes;
    }

    @Override
    public void handle(Inbound a) {
        Rules.idOnActorOrigin(a);
        NoteRules.ownNote(a, a.object());
        notes.update(a.actor(), a.object());
    }
}
