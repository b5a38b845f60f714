package social.starling.federation.fetch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;

/**
 * An ActivityStreams document fetched and checked.
 *
 * @param requestedUri the URL asked for
 * @param finalUri     the URL that answered, after redirects
 * @param id           the document's {@code id}: the name to store it under, which may differ from both URLs
 * @param document     the JSON object
 */
public record FetchedJson(URI requestedUri, URI finalUri, URI id, ObjectNode document) {
}
