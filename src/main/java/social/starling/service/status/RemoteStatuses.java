package social.starling.service.status;

import java.util.List;
import java.util.Optional;
import social.starling.model.Status;

/**
 * The port through which status use cases reach other servers for statuses (implemented in
 * {@code federation/note}, so {@code service/} never sees HTTP or AS2). Both answer empty on any failure
 * (unreachable, refused address, not a note, refused origin); the implementation logs why at debug.
 */
public interface RemoteStatuses {
    /** The status whose id is {@code uri}: stored, or fetched (signed), checked and stored now. */
    Optional<Status> resolve(String uri);

    /** Like {@link #resolve}, for a URL a person pasted (a status page whose id may differ from it). */
    Optional<Status> resolveUrl(String url);

    /** The ids the remote note {@code uri}'s replies collection lists, at most {@code max}; empty on any failure. */
    List<String> replyIds(String uri, int max);
}
