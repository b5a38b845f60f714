package social.starling.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import social.starling.db.TestSql;
import social.starling.db.schema.Tables;
import social.starling.federation.fetch.FetchException;
import social.starling.model.Role;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.Fixtures;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.Multipart;
import social.starling.testing.TestApp;

/**
 * Server-wide domain moderation between real servers on loopback. A moderates B's domain: limit makes B's accounts
 * limited on A; reject_media stops A fetching B's media; reject_reports drops B's Flags; suspend severs the follows,
 * drops B's activities at A's inbox (answered 202, as Mastodon) and delivers nothing to B, and B's accounts are
 * not found from A. L runs in limited federation mode: only allowed domains federate with it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DomainModerationAcrossServersTest {
    private static final String SCOPES = "read write follow";
    private static final String ADMIN_SCOPES = "read write follow admin:read admin:write";
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static final List<TestApp> servers = new ArrayList<>();
    private static TestApp a;
    private static TestApp b;
    private static HttpTester alice;
    private static HttpTester admin;
    private static HttpTester bob;
    private static String bobToken;
    private static String bDomain;
    private static String bobOnA;
    private static String aliceOnB;

    @BeforeAll
    static void start() throws Exception {
        a = server(TestApp.create());
        b = server(TestApp.create());
        a.fixtures().account("alice");
        a.fixtures().account("ada", Role.ADMIN);
        b.fixtures().account("bob");
        ApiClient clientA = ApiClient.register(a.http(), ADMIN_SCOPES);
        alice = clientA.as("alice", SCOPES);
        admin = clientA.as("ada", ADMIN_SCOPES);
        bobToken = ApiClient.register(b.http(), SCOPES).login("bob", Fixtures.PASSWORD, SCOPES);
        bob = b.http().withToken(bobToken);
        bDomain = host(b);
        bobOnA = resolve(alice, "bob", b);
        aliceOnB = resolve(bob, "alice", a);
        assertThat(alice.post("/api/v1/accounts/" + bobOnA + "/follow").status()).isEqualTo(200);
        assertThat(bob.post("/api/v1/accounts/" + aliceOnB + "/follow").status()).isEqualTo(200);
        Await.until(WAIT, () -> following(alice, bobOnA) && following(bob, aliceOnB));
    }

    private static TestApp server(TestApp app) throws Exception {
        app.with("STARLING_FEDERATION_ALLOW_PRIVATE", "127.0.0.0/8");
        app.start();
        servers.add(app);
        return app;
    }

    @AfterAll
    static void stop() {
        servers.forEach(TestApp::stop);
    }

    @Test
    @Order(1)
    void limitMakesTheDomainsAccountsLimited() {
        String id = block("{\"domain\": \"" + bDomain + "\", \"severity\": \"silence\"}");
        assertThat(alice.get("/api/v1/accounts/" + bobOnA).json().get("limited").asBoolean()).isTrue();
        assertThat(a.app().moderation().domainPolicy().refuses(bDomain)).isFalse();
        // Still federating: bob's post reaches alice, who follows him.
        String uri = bob.postJson("/api/v1/statuses", "{\"status\": \"limited but heard\"}").json().get("uri").asText();
        Await.until(WAIT, () -> find(alice, uri) != null);
        assertThat(admin.delete("/api/v1/admin/domain_blocks/" + id).status()).isEqualTo(200);
        assertThat(alice.get("/api/v1/accounts/" + bobOnA).json().has("limited")).isFalse();
    }

    @Test
    @Order(2)
    void rejectMediaStopsTheFetchAndRejectReportsTheFlags() throws Exception {
        String id = block("{\"domain\": \"" + bDomain + "\", \"severity\": \"noop\", \"reject_media\": true, "
                + "\"reject_reports\": true}");
        HttpResult upload = new Multipart()
                .file("file", "photo.jpg", "image/jpeg", Multipart.resource("photo-exif.jpg"))
                .send("POST", b.baseUrl() + "/api/v2/media", bobToken);
        assertThat(upload.status()).as(upload.body()).isEqualTo(200);
        String uri = bob.postJson("/api/v1/statuses", "{\"status\": \"a picture\", \"media_ids\": [\""
                + upload.json().get("id").asText() + "\"]}").json().get("uri").asText();
        Await.until(WAIT, () -> find(alice, uri) != null);
        JsonNode media = find(alice, uri).get("media_attachments").get(0);
        // A shows the attachment but fetches nothing: its proxy has no copy to give and none is made.
        assertThat(get(media.get("url").asText()).statusCode()).isEqualTo(404);
        assertThat(a.app().media().remoteCache().usedBytes()).isZero();

        // bob reports alice and forwards the report: A ignores the Flag.
        HttpResult report = bob.postJson("/api/v1/reports", "{\"account_id\": \"" + aliceOnB + "\", \"comment\": "
                + "\"rude\", \"forward\": true}");
        assertThat(report.json().get("forwarded").asBoolean()).as(report.body()).isTrue();
        quiet(b);
        quiet(a);
        long aliceId = a.fixtures().account("alice").id();
        List<social.starling.model.Report> reports = a.app().core().db().read(tx -> a.app().inbox().reports()
                .about(tx, aliceId));
        assertThat(reports).isEmpty();

        // Lifted: the media is fetched.
        assertThat(admin.delete("/api/v1/admin/domain_blocks/" + id).status()).isEqualTo(200);
        assertThat(get(media.get("url").asText()).statusCode()).isEqualTo(302);
    }

    @Test
    @Order(3)
    void suspendRefusesTheDomainAtTheInboxAndDeliversNothingToIt() throws Exception {
        String id = block("{\"domain\": \"" + bDomain + "\", \"severity\": \"suspend\"}");
        // The follows both ways are severed on A.
        assertThat(following(alice, bobOnA)).isFalse();
        long bobId = Long.parseLong(bobOnA);
        boolean bobFollowsAlice = a.app().core().db().read(tx -> a.app().repos().relationships().follows(tx, bobId,
                aliceId()));
        assertThat(bobFollowsAlice).isFalse();

        // B still believes alice follows bob and delivers his post: A answers 202 and drops it.
        String uri = bob.postJson("/api/v1/statuses", "{\"status\": \"@alice@" + host(a) + " can you hear me\"}")
                .json().get("uri").asText();
        quiet(b);
        quiet(a);
        java.util.Optional<social.starling.model.Status> stored = a.app().core().db().read(tx -> a.app().repos()
                .statuses().findByUri(tx, uri));
        assertThat(stored).isEmpty();

        // Refused before its signature is even checked: unsigned, it is still 202 (an actor of another domain: 401).
        String activity = "{\"id\": \"%s/x\", \"type\": \"Delete\", \"actor\": \"%s\", \"object\": \"%s\"}";
        String bobUri = b.baseUrl() + "/users/bob";
        assertThat(a.http().send("POST", "/inbox", Map.of("Content-Type", "application/activity+json"),
                activity.formatted(bobUri, bobUri, bobUri)).status()).isEqualTo(202);
        String other = "http://127.0.0.1:9/users/eve";
        assertThat(a.http().send("POST", "/inbox", Map.of("Content-Type", "application/activity+json"),
                activity.formatted(other, other, other)).status()).isEqualTo(401);

        // Nothing goes from A to B: not alice's post (no audience there any more), not even a forced request.
        int before = bobsHomeSize();
        alice.postJson("/api/v1/statuses", "{\"status\": \"@bob@" + bDomain + " hello?\"}");
        quiet(a);
        quiet(b);
        assertThat(bobsHomeSize()).isEqualTo(before);
        assertThatThrownBy(() -> a.app().remoteAccounts().fetcher().post(URI.create(b.baseUrl() + "/inbox"),
                Map.of(), new byte[0]))
                .isInstanceOfSatisfying(FetchException.class,
                        e -> assertThat(e.reason()).isEqualTo(FetchException.Reason.REFUSED_DOMAIN));

        // B's accounts are not found from A.
        HttpResult search = alice.get("/api/v2/search?type=accounts&resolve=true&q="
                + URLEncoder.encode("@bob@" + bDomain, StandardCharsets.UTF_8));
        assertThat(search.json().get("accounts")).as(search.body()).isEmpty();

        // Lifted: bob is back on A.
        assertThat(admin.delete("/api/v1/admin/domain_blocks/" + id).status()).isEqualTo(200);
        assertThat(resolve(alice, "bob", b)).isEqualTo(bobOnA);
    }

    @Test
    @Order(4)
    void limitedFederationFederatesOnlyWithAllowedDomains() throws Exception {
        TestApp l = server(TestApp.create().with("STARLING_LIMITED_FEDERATION", "true"));
        l.fixtures().account("lena");
        l.fixtures().account("lars", Role.ADMIN);
        ApiClient client = ApiClient.register(l.http(), ADMIN_SCOPES);
        HttpTester lena = client.as("lena", SCOPES);
        HttpTester lars = client.as("lars", ADMIN_SCOPES);
        String lDomain = host(l);

        // L does not find bob; bob's follow of lena is answered 202 at L's inbox and dropped.
        HttpResult notFound = lena.get("/api/v2/search?type=accounts&resolve=true&q="
                + URLEncoder.encode("@bob@" + bDomain, StandardCharsets.UTF_8));
        assertThat(notFound.json().get("accounts")).isEmpty();
        String lenaOnB = resolve(bob, "lena", l);
        assertThat(bob.post("/api/v1/accounts/" + lenaOnB + "/follow").status()).isEqualTo(200);
        quiet(b);
        quiet(l);
        assertThat(lena.get("/api/v1/accounts/" + l.fixtures().account("lena").id() + "/followers").json()).isEmpty();
        java.util.Optional<social.starling.model.Account> bobOnL = l.app().core().db().read(tx -> l.app().repos()
                .accounts().findByUsername(tx, "bob", bDomain));
        assertThat(bobOnL).isEmpty();

        // Allowed: bob is found, and his follow arrives.
        HttpResult allowed = lars.postJson("/api/v1/admin/domain_allows", "{\"domain\": \"" + bDomain + "\"}");
        assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
        assertThat(resolve(lena, "bob", b)).isNotBlank();
        assertThat(bob.post("/api/v1/accounts/" + lenaOnB + "/unfollow").status()).isEqualTo(200);
        assertThat(bob.post("/api/v1/accounts/" + lenaOnB + "/follow").status()).isEqualTo(200);
        Await.until(WAIT, () -> following(bob, lenaOnB));
        assertThat(lDomain).isNotEqualTo(bDomain);
    }

    private static String block(String json) {
        HttpResult created = admin.postJson("/api/v1/admin/domain_blocks", json);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return created.json().get("id").asText();
    }

    private static long aliceId() {
        return a.fixtures().account("alice").id();
    }

    private static int bobsHomeSize() {
        return bob.get("/api/v1/timelines/home?limit=40").json().size();
    }

    private static String host(TestApp app) {
        return app.baseUrl().replaceFirst("^https?://", "");
    }

    /** Waits until no federation work is left on {@code app} (fan-out, delivery, inbound activities). */
    private static void quiet(TestApp app) {
        Await.until(WAIT, () -> app.app().core().db().read(tx -> TestSql.dsl(tx).fetchCount(Tables.JOBS,
                Tables.JOBS.KIND.in("status.distribute", "federate", "deliver", "inbox.process"))) == 0);
    }

    private static boolean following(HttpTester viewer, String id) {
        return viewer.get("/api/v1/accounts/relationships?id[]=" + id).json().get(0).get("following").asBoolean();
    }

    private static HttpResponse<byte[]> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode find(HttpTester viewer, String uri) {
        for (JsonNode s : viewer.get("/api/v1/timelines/home?limit=40").json()) {
            if (s.get("uri").asText().equals(uri)) {
                return s;
            }
        }
        return null;
    }

    private static String resolve(HttpTester viewer, String username, TestApp home) {
        HttpResult r = viewer.get("/api/v2/search?type=accounts&resolve=true&q="
                + URLEncoder.encode("@" + username + "@" + host(home), StandardCharsets.UTF_8));
        assertThat(r.json().get("accounts")).as(r.body()).hasSize(1);
        return r.json().get("accounts").get(0).get("id").asText();
    }
}
