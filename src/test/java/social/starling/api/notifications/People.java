package social.starling.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/** Named people of one test server, each with a token, and the few things they do to cause notifications. */
final class People {
    private static final Pattern LINK = Pattern.compile("<([^>]+)>; rel=\"(next|prev)\"");

    private final TestApp server;
    private final ApiClient client;
    private final Map<String, HttpTester> testers = new HashMap<>();

    People(TestApp server) {
        this.server = server;
        this.client = ApiClient.register(server.http(), "read write follow");
    }

    HttpTester as(String name) {
        return testers.computeIfAbsent(name, n -> {
            server.fixtures().account(n);
            return client.as(n, "read write follow");
        });
    }

    /** A token of {@code name} with only these scopes. */
    HttpTester withScopes(String name, String scopes) {
        server.fixtures().account(name);
        return ApiClient.register(server.http(), scopes).as(name, scopes);
    }

    String id(String name) {
        return Long.toString(server.fixtures().account(name).id());
    }

    void follow(String follower, String target) {
        HttpResult r = as(follower).post("/api/v1/accounts/" + id(target) + "/follow");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** Posts and returns the new status's id. */
    String post(String author, String text, String visibility) {
        HttpResult r = as(author).postJson("/api/v1/statuses",
                "{\"status\": \"" + text + "\", \"visibility\": \"" + visibility + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asText();
    }

    /** Waits until {@code name} has {@code count} notifications (v1) and returns them. */
    JsonNode awaitNotifications(String name, int count) {
        Await.until(() -> as(name).get("/api/v1/notifications").json().size() >= count);
        JsonNode list = as(name).get("/api/v1/notifications").json();
        assertThat(list.size()).isEqualTo(count);
        return list;
    }

    /** Blocks directly in the database (the block endpoints belong to another module) and refreshes the cache. */
    void block(String blocker, String target) {
        var app = server.app();
        long a = Long.parseLong(id(blocker));
        long b = Long.parseLong(id(target));
        app.core().db().inTransaction(tx -> {
            app.repos().relationships().insertBlock(tx, app.core().ids().next(), a, b, Instant.now());
            return null;
        });
        app.statuses().relations().evict(a);
        app.statuses().relations().evict(b);
    }

    void unblock(String blocker, String target) {
        var app = server.app();
        long a = Long.parseLong(id(blocker));
        long b = Long.parseLong(id(target));
        app.core().db().inTransaction(tx -> app.repos().relationships().deleteBlock(tx, a, b));
        app.statuses().relations().evict(a);
        app.statuses().relations().evict(b);
    }

    void mute(String muter, String target, boolean hideNotifications) {
        var app = server.app();
        long a = Long.parseLong(id(muter));
        long b = Long.parseLong(id(target));
        app.core().db().inTransaction(tx -> {
            app.repos().relationships().upsertMute(tx, app.core().ids().next(), a, b, hideNotifications, null, Instant.now());
            return null;
        });
        app.statuses().relations().evict(a);
    }

    /** The URL of the Link header's {@code rel} ("next" or "prev"), or null. */
    static String link(HttpResult r, String rel) {
        String header = r.header("Link").orElse("");
        Matcher m = LINK.matcher(header);
        while (m.find()) {
            if (m.group(2).equals(rel)) {
                return m.group(1);
            }
        }
        return null;
    }
}
