package social.starling.api.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;

/** Small helpers shared by the social-graph tests. */
final class Graph {
    private static final Pattern LINK = Pattern.compile("<([^>]+)>; rel=\"(next|prev)\"");

    private Graph() {
    }

    static String id(HttpTester who) {
        return who.get("/api/v1/accounts/verify_credentials").json().get("id").asText();
    }

    /** Posts a status and returns its id. */
    static String post(HttpTester who, String json) {
        HttpResult r = who.postJson("/api/v1/statuses", json);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asText();
    }

    static String post(HttpTester who, String text, String visibility) {
        return post(who, "{\"status\": \"" + text + "\", \"visibility\": \"" + visibility + "\"}");
    }

    static String reply(HttpTester who, String text, String inReplyTo) {
        return post(who, "{\"status\": \"" + text + "\", \"in_reply_to_id\": \"" + inReplyTo + "\"}");
    }

    static HttpResult ok(HttpResult r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    static void follow(HttpTester who, String targetId) {
        ok(who.post("/api/v1/accounts/" + targetId + "/follow"));
    }

    /** The ids of a JSON array of entities, in order. */
    static List<String> ids(HttpResult r) {
        ok(r);
        List<String> out = new ArrayList<>();
        r.json().forEach(n -> out.add(n.get("id").asText()));
        return out;
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The URL of a Link header relation ("next" or "prev"), or null. */
    static String link(HttpResult r, String rel) {
        String header = r.header("Link").orElse(null);
        if (header == null) {
            return null;
        }
        Matcher m = LINK.matcher(header);
        while (m.find()) {
            if (m.group(2).equals(rel)) {
                return m.group(1);
            }
        }
        return null;
    }

    static List<String> homeIds(HttpTester who) {
        return ids(who.get("/api/v1/timelines/home?limit=40"));
    }
}
