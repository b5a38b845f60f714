package social.starling.convert;

import java.util.List;
import social.starling.federation.vocab.Activity;
import social.starling.federation.vocab.As2;
import social.starling.model.LocalUris;
import social.starling.model.federation.LocalNote;
import social.starling.model.federation.LocalPost;
import social.starling.model.federation.LocalReblog;

/**
 * Local posts → the activities that published them (Mastodon's ActivitySerializer): a status → {@code Create} at
 * {@code <status>/activity} with the note embedded; a reblog → {@code Announce} (its id is the reblog's own URI,
 * {@code <status>/activity}) of the original's id, addressed as the reblog's visibility says plus the original's
 * author.
 */
public final class ActivityMapper {
    private final LocalUris uris;
    private final NoteMapper notes;

    public ActivityMapper(LocalUris uris, NoteMapper notes) {
        this.uris = uris;
        this.notes = notes;
    }

    public Activity toActivity(LocalPost post) {
        return switch (post) {
            case LocalNote n -> create(n);
            case LocalReblog r -> announce(r);
        };
    }

    private Activity create(LocalNote n) {
        var note = notes.toNote(n);
        return new Activity(As2.NOTE_CONTEXT, n.status().uri() + "/activity", "Create",
                uris.actor(n.author().username()), note.published(), note.to(), note.cc(), note.embedded());
    }

    private Activity announce(LocalReblog r) {
        NoteMapper.Audience audience = notes.audience(r.status().visibility(), r.actor(), List.of(),
                r.originalAuthor());
        return new Activity(As2.CONTEXT, r.status().uri(), "Announce", uris.actor(r.actor().username()),
                As2Times.iso(r.status().createdAt()), audience.to(), audience.cc(), r.original().uri());
    }
}
