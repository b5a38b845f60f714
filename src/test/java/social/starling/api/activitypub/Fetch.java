package social.starling.api.activitypub;

import java.util.Map;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;

/** Requests as other servers and browsers make them. */
final class Fetch {
    static final String AS2 = "application/activity+json";
    static final String LD = "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";
    /** What Fedify sends for documents. */
    static final String FEDIFY = "application/activity+json, application/ld+json";
    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private Fetch() {
    }

    static HttpResult as2(HttpTester http, String pathOrUrl) {
        return get(http, pathOrUrl, AS2);
    }

    static HttpResult browser(HttpTester http, String pathOrUrl) {
        return get(http, pathOrUrl, BROWSER);
    }

    static HttpResult get(HttpTester http, String pathOrUrl, String accept) {
        return http.send("GET", pathOrUrl, Map.of("Accept", accept), null);
    }
}
