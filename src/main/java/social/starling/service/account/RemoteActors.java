package social.starling.service.account;

import java.util.Optional;
import social.starling.model.Account;

/**
 * The port through which account use cases reach other servers (implemented in {@code federation/}, so
 * {@code service/} never sees HTTP, JSON-LD or the fetcher). Both calls answer empty on any failure (unreachable,
 * refused address, 404, malformed or refused document); the implementation logs why at debug.
 */
public interface RemoteActors {
    /**
     * What WebFinger says of {@code user@host}.
     *
     * @param handle  the canonical {@code user@host} (the JRD's subject), which may differ from the one asked for
     * @param actorId the actor's id (the {@code self} link)
     */
    record Finger(String handle, String actorId) {
    }

    Optional<Finger> finger(String user, String host);

    /**
     * Fetches and reads the actor document at {@code url}. The account has id 0 and {@code domain} = the host of its
     * id; its {@code uri} is the document's id, on the origin that served it. With {@code anyUrl} a document that
     * names an id on another origin is fetched again from that id (a URL a person pasted, such as a profile page).
     */
    Optional<Account> fetch(String url, boolean anyUrl);
}
