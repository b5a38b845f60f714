package social.starling.federation.fetch;

import java.net.URI;
import java.util.Optional;

/**
 * A successful (2xx) answer.
 *
 * @param requestedUri the URL asked for
 * @param finalUri     the URL that answered, after redirects
 * @param contentType  the media type, lower case, without parameters
 * @param body         at most the limit the caller gave
 */
public record FetchedResponse(URI requestedUri, URI finalUri, int status, Optional<String> contentType, byte[] body) {
    public FetchedResponse {
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
