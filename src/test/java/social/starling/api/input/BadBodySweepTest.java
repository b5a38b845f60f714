package social.starling.api.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.api.RouteTable;
import social.starling.testing.ApiClient;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * Every route the server has (taken from its route table, so a new endpoint is swept without anyone adding it
 * here), called as a signed-in member with each kind of bad input: broken JSON, a JSON array or an empty body where
 * an object is expected, a wrong content type, a broken multipart body, arrays and objects where scalars are
 * expected, numbers too large for any type, and nonsense in the query string. Nothing may answer 5xx.
 */
class BadBodySweepTest {
    private static final String SCOPES = "read write follow push admin:read admin:write";

    @RegisterExtension
    static TestApp server = TestApp.create();

    private record Bad(String name, String contentType, String body, String query) {
    }

    private static final List<Bad> BAD = List.of(
            new Bad("broken JSON", "application/json", "{\"status\": \"x\",", ""),
            new Bad("a JSON array", "application/json", "[1, 2, 3]", ""),
            new Bad("empty JSON body", "application/json", "", ""),
            new Bad("wrong content type", "text/plain", "status=hello", ""),
            new Bad("broken multipart", "multipart/form-data; boundary=zzz", "--aaa\r\nContent-Disposition: x\r\n\r\n",
                    ""),
            new Bad("containers for scalars", "application/json", """
                    {"status": ["a", "b"], "title": {"x": 1}, "visibility": [1], "id": {"a": 1}, "limit": [5],
                     "in_reply_to_id": {"x": 1}, "poll": "nope", "choices": {"0": {"a": 1}}, "context": "home",
                     "display_name": [], "note": {}, "locked": {"x": 1}, "fields_attributes": "x",
                     "keywords_attributes": "x", "account_ids": {"x": {"y": 1}}, "grant_type": ["password"],
                     "expires_in": [], "policy": {"x": []}, "types": "mention", "email": ["a@b.c"]}""", ""),
            new Bad("huge numbers", "application/json", """
                    {"limit": 1e999999, "id": 999999999999999999999999999999, "max_id": "99999999999999999999999",
                     "expires_in": -99999999999999999999, "poll": {"options": ["a", "b"],
                     "expires_in": 99999999999999999999999}, "in_reply_to_id": "18446744073709551616",
                     "scheduled_at": "99999-99-99T99:99:99Z", "choices": [99999999999999999999]}""", ""),
            new Bad("nonsense query", "application/x-www-form-urlencoded", "a[b][][c]=1&a[b][]=2&limit=x",
                    "?limit=99999999999999999999&max_id=abc&since_id=-1&min_id=1e9&types[]=&exclude_types[]=%00"
                            + "&local=maybe&only_media=2&q=%FF&resolve=True&offset=-5"));

    private static HttpResult send(HttpTester client, RouteTable.Route route, String path, Bad bad,
                                   Map<String, String> headers) {
        return client.send(route.method().name(), path + bad.query(), headers,
                route.method() == HandlerType.GET ? null : bad.body());
    }

    @Test
    void noBadInputOnAnyRouteGetsA5xx() {
        server.fixtures().account("alice");
        server.fixtures().account("bob");
        ApiClient client = ApiClient.register(server.http(), SCOPES);
        HttpTester bob = client.as("bob", SCOPES);
        String bobId = bob.get("/api/v1/accounts/verify_credentials").json().get("id").asText();
        String statusId = bob.postJson("/api/v1/statuses", "{\"status\": \"sweep target\"}").json().get("id").asText();
        HttpTester alice = client.as("alice", SCOPES);

        List<String> failures = new ArrayList<>();
        TreeSet<String> swept = new TreeSet<>();
        for (RouteTable.Route route : server.app().routes()) {
            if (route.method() == HandlerType.HEAD || route.method() == HandlerType.OPTIONS) {
                continue;
            }
            if (route.path().startsWith("/api/v1/streaming/") && !route.path().endsWith("/health")) {
                continue; // an event stream answers for as long as its client stays: StreamingApiTest sweeps them
            }
            for (String id : new String[]{statusId, bobId}) {
                String path = route.path().replace("{id}", id).replace("{name}", "bob")
                        .replaceAll("\\{[^}]+}", id);
                swept.add(route.method() + " " + route.path());
                for (Bad bad : BAD) {
                    Map<String, String> headers = new LinkedHashMap<>();
                    headers.put("Content-Type", bad.contentType());
                    HttpResult r;
                    try {
                        r = send(alice, route, path, bad, headers);
                    } catch (AssertionError first) {
                        // A server may close a kept-alive connection after a response whose body it did not read;
                        // the JDK client does not retry a POST on such a stale connection, real clients do. Once.
                        try {
                            r = send(alice, route, path, bad, headers);
                        } catch (AssertionError e) { // no answer at all, twice
                            failures.add(route.method() + " " + path + " with " + bad.name() + " → "
                                    + e.getMessage());
                            continue;
                        }
                    }
                    if (r.status() >= 500) {
                        failures.add(route.method() + " " + path + " with " + bad.name() + " → " + r.status() + " "
                                + r.body());
                    }
                }
                if (alice.get("/api/v1/accounts/verify_credentials").status() == 401) {
                    alice = client.as("alice", SCOPES); // a route revoked the token (sign-out, revoke): sign in again
                }
            }
        }
        assertThat(swept).hasSizeGreaterThan(150);
        assertThat(failures).as("5xx answers").isEmpty();
        assertThat(server.http().get("/readyz").status()).isEqualTo(200);
    }
}
