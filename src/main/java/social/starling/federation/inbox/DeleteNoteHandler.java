package social.starling.federation.inbox;

/**
 * {@code Delete} of an object by id or as a {@code Tombstone}: only one on the sender's origin (so never a status of
 * this server's), and {@link NoteIngest#delete} deletes it only if it is the sender's status.
 */
public final class DeleteNoteHandler implements ActivityHandler {
    private final NoteIngest notes;

    public DeleteNoteHandler(NoteIngest notes) {
        this.notes = notes;
    }

    @Override
    public void handle(Inbound a) {
        Rules.idOnActorOrigin(a);
        String id = Rules.objectId(a);
        Rules.onActorOrigin(a, id);
        notes.delete(a.actor(), id);
    }
}
