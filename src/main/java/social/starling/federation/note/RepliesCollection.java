package social.starling.federation.note;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import social.starling.federation.fetch.FetchException;
import social.starling.federation.fetch.RemoteFetcher;
import social.starling.federation.fetch.RequestSigner;

/**
 * The ids a remote note's {@code replies} collection lists (Mastodon's, GoToSocial's and others' shape: a
 * {@code Collection} whose {@code first} page, embedded or by URL, has {@code items} or {@code orderedItems} as ids or
 * objects, and a {@code next} link). Every page is fetched signed and through the SSRF guard, and only from the
 * note's own origin; at most {@link #MAX_PAGES} pages and {@code max} ids are read. Failures end the walk with what
 * was found (a crawl is best effort).
 */
final class RepliesCollection {
    private static final Logger log = LoggerFactory.getLogger(RepliesCollection.class);
    static final int MAX_PAGES = 5;

    private final RemoteFetcher fetcher;
    private final RequestSigner signer;

    RepliesCollection(RemoteFetcher fetcher, RequestSigner signer) {
        this.fetcher = fetcher;
        this.signer = signer;
    }

    List<String> replyIds(String noteUri, int max) {
        Set<String> ids = new LinkedHashSet<>();
        Optional<JsonNode> note = fetch(noteUri, noteUri);
        if (note.isEmpty()) {
            return List.of();
        }
        JsonNode replies = note.get().get("replies");
        if (replies != null && replies.isTextual()) {
            replies = fetch(replies.asText(), noteUri).orElse(null);
        }
        if (replies == null || !replies.isObject()) {
            return List.of();
        }
        collect(replies, ids, noteUri); // a collection may list items itself
        JsonNode page = replies.get("first");
        for (int pages = 0; page != null && pages < MAX_PAGES && ids.size() < max; pages++) {
            if (page.isTextual()) {
                page = fetch(page.asText(), noteUri).orElse(null);
                if (page == null) {
                    break;
                }
            }
            collect(page, ids, noteUri);
            page = page.get("next");
        }
        return new ArrayList<>(ids).subList(0, Math.min(max, ids.size()));
    }

    private static void collect(JsonNode page, Set<String> ids, String noteUri) {
        for (String field : new String[]{"items", "orderedItems"}) {
            JsonNode items = page.get(field);
            if (items == null) {
                continue;
            }
            for (JsonNode item : items.isArray() ? items : List.of(items)) {
                String id = item.isTextual() ? item.asText() : item.path("id").asText(null);
                if (id != null && !id.equals(noteUri) && As2Values.httpUrl(id).isPresent()) {
                    ids.add(id);
                }
            }
        }
    }

    /** A page of the collection, only from the note's origin (a collection cannot send us elsewhere). */
    private Optional<JsonNode> fetch(String url, String noteUri) {
        if (!As2Values.sameOrigin(url, noteUri)) {
            log.debug("replies page {} of {} refused: another origin", url, noteUri);
            return Optional.empty();
        }
        try {
            return Optional.of(fetcher.getJson(new URI(url), signer).document());
        } catch (URISyntaxException | FetchException e) {
            log.debug("replies page {} of {} could not be fetched: {}", url, noteUri, e.getMessage());
            return Optional.empty();
        }
    }
}
