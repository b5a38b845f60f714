package social.starling.federation.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.db.TestSql;
import social.starling.db.Tx;
import social.starling.db.schema.Tables;
import social.starling.model.Account;
import social.starling.model.NotificationType;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.Golden;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.RemoteActorStub;
import social.starling.testing.TestApp;

/**
 * The FEP-044f exchange with a fake remote server that speaks as Mastodon 4.5 does: its QuoteRequest (instrument
 * embedded) is answered with an Accept shaped as Mastodon's AcceptQuoteRequestSerializer; our QuoteRequest has
 * Mastodon's QuoteRequestSerializer shape; its Accept counts only once the QuoteAuthorization it names checks out;
 * its Delete of the authorization (a bare id) revokes the quote.
 */
class QuoteRequestInboxTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final RemoteActorStub remote = RemoteActorStub.start();
    static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";

    @RegisterExtension
    static TestApp app = TestApp.create().with("STARLING_FEDERATION_ALLOW_PRIVATE", "127.0.0.0/8");

    static HttpTester alice;
    static String inbox;

    @BeforeAll
    static void setUp() {
        app.fixtures().account("alice");
        alice = ApiClient.register(app.http(), "read write follow").as("alice", "read write follow");
        inbox = app.baseUrl() + "/inbox";
    }

    @AfterAll
    static void stop() {
        remote.close();
    }

    @Test
    void aMastodonQuoteRequestIsAcceptedWithAnAuthorization() {
        JsonNode original = post("{\"status\": \"quote me\", \"quote_approval_policy\": \"public\"}");
        String originalUri = original.get("uri").asText();
        var mona = remote.actor("mona");
        ObjectNode note = note(mona, "statuses/1", "so true");
        note.put("quote", originalUri);
        String requestId = mona.id("quote_requests/1");
        ObjectNode request = JSON.createObjectNode();
        request.putArray("@context").add("https://www.w3.org/ns/activitystreams").addObject()
                .put("QuoteRequest", "https://w3id.org/fep/044f#QuoteRequest");
        request.put("id", requestId).put("type", "QuoteRequest").put("actor", mona.uri()).put("object", originalUri);
        request.set("instrument", note);
        assertThat(mona.post(inbox, request.toString()).status()).isEqualTo(202);

        JsonNode accept = awaitReceived("/users/mona/inbox", "Accept");
        String alicesActor = app.baseUrl() + "/users/alice";
        assertThat(accept.get("actor").asText()).isEqualTo(alicesActor);
        assertThat(accept.get("id").asText()).startsWith(alicesActor + "#accepts/quote_requests/");
        assertThat(accept.get("object").get("type").asText()).isEqualTo("QuoteRequest");
        assertThat(accept.get("object").get("id").asText()).isEqualTo(requestId);
        assertThat(accept.get("object").get("actor").asText()).isEqualTo(mona.uri());
        assertThat(accept.get("object").get("object").asText()).isEqualTo(originalUri);
        assertThat(accept.get("object").get("instrument").asText()).isEqualTo(note.get("id").asText());
        String result = accept.get("result").asText();
        Golden.assertMatches("activitypub/accept_quote_request.json", stubless(accept));
        assertThat(result).startsWith(alicesActor + "/quote_authorizations/");

        Account m = read(tx -> app.app().repos().accounts().findByUri(tx, mona.uri())).orElseThrow();
        long quoting = read(tx -> app.app().repos().statuses().findByUri(tx, note.get("id").asText()))
                .orElseThrow().id();
        long aliceId = app.fixtures().account("alice").id();
        boolean notified = read(tx -> app.app().repos().notifications().exists(tx, aliceId, m.id(),
                NotificationType.QUOTE, quoting));
        assertThat(notified).isTrue();
        HttpResult stamp = app.http().send("GET", result.replaceFirst("^https?://[^/]+", ""),
                Map.of("Accept", "application/activity+json"), null);
        assertThat(stamp.status()).isEqualTo(200);
        assertThat(stamp.json().get("interactingObject").asText()).isEqualTo(note.get("id").asText());
        Golden.assertMatches("activitypub/quote_authorization.json", stubless(stamp.json()));
        JsonNode quotes = alice.get("/api/v1/statuses/" + original.get("id").asText() + "/quotes").json();
        assertThat(quotes).hasSize(1);
        assertThat(quotes.get(0).get("uri").asText()).isEqualTo(note.get("id").asText());
    }

    @Test
    void ourRequestIsAcceptedOnlyWithAnAuthorizationThatChecksOutAndRevokedByItsDelete() {
        var otto = remote.actor("otto");
        ObjectNode original = note(otto, "statuses/7", "quotable");
        original.putObject("interactionPolicy").putObject("canQuote").putArray("automaticApproval").add(PUBLIC);
        remote.serve("/users/otto/statuses/7", original.toString());
        ObjectNode follow = JSON.createObjectNode();
        follow.put("@context", "https://www.w3.org/ns/activitystreams").put("id", otto.id("follows/1"))
                .put("type", "Follow").put("actor", otto.uri()).put("object", app.baseUrl() + "/users/alice");
        deliver(otto, follow); // so that otto's server, as a follower's, gets the Update of alice's note
        String originalUri = original.get("id").asText();
        HttpResult found = alice.get("/api/v2/search?type=statuses&resolve=true&q="
                + URLEncoder.encode(originalUri, StandardCharsets.UTF_8));
        assertThat(found.json().get("statuses")).as(found.body()).hasSize(1);
        JsonNode quote = post("{\"status\": \"look\", \"quoted_status_id\": \""
                + found.json().get("statuses").get(0).get("id").asText() + "\"}");
        String quoteId = quote.get("id").asText();
        String quoteUri = quote.get("uri").asText();

        // Our QuoteRequest, as Mastodon's QuoteRequestSerializer.
        JsonNode request = awaitReceived("/users/otto/inbox", "QuoteRequest");
        assertThat(request.get("actor").asText()).isEqualTo(app.baseUrl() + "/users/alice");
        assertThat(request.get("object").asText()).isEqualTo(originalUri);
        assertThat(request.get("instrument").asText()).isEqualTo(quoteUri);
        assertThat(request.get("@context").toString()).contains("https://w3id.org/fep/044f#QuoteRequest");
        String requestId = request.get("id").asText();
        Golden.assertMatches("activitypub/quote_request.json", stubless(request).replace(requestId,
                requestId.replaceFirst("[0-9a-f-]{36}$", "<uuid>")));

        // An Accept whose authorization names another note is refused: the quote stays pending.
        remote.serve("/users/otto/quote_authorizations/1", authorization(otto, "quote_authorizations/1",
                otto.id("statuses/other"), originalUri));
        deliver(otto, accept(otto, "accepts/1", request, otto.id("quote_authorizations/1")));
        assertThat(state(quoteId)).isEqualTo("pending");

        // One whose authorization checks out (here naming the request by id only) accepts it.
        remote.serve("/users/otto/quote_authorizations/2", authorization(otto, "quote_authorizations/2", quoteUri,
                originalUri));
        ObjectNode byId = accept(otto, "accepts/2", request, otto.id("quote_authorizations/2"));
        byId.put("object", requestId);
        deliver(otto, byId);
        assertThat(state(quoteId)).isEqualTo("accepted");
        JsonNode ourNote = app.http().send("GET", quoteUri.replaceFirst("^https?://[^/]+", ""),
                Map.of("Accept", "application/activity+json"), null).json();
        assertThat(ourNote.get("quoteAuthorization").asText()).isEqualTo(otto.id("quote_authorizations/2"));
        JsonNode update = awaitReceived("/inbox", "Update");
        assertThat(update.get("object").get("id").asText()).isEqualTo(quoteUri);
        assertThat(update.get("object").get("quoteAuthorization").asText())
                .isEqualTo(otto.id("quote_authorizations/2"));

        // Mastodon's DeleteQuoteAuthorizationSerializer: the authorization by id.
        ObjectNode delete = JSON.createObjectNode();
        delete.put("@context", "https://www.w3.org/ns/activitystreams").put("id", otto.id("quote_authorizations/2")
                + "#delete").put("type", "Delete").put("actor", otto.uri())
                .put("object", otto.id("quote_authorizations/2"));
        delete.putArray("to").add(PUBLIC);
        deliver(otto, delete);
        assertThat(state(quoteId)).isEqualTo("revoked");
    }

    private static ObjectNode note(RemoteActorStub.Actor actor, String path, String text) {
        ObjectNode note = JSON.createObjectNode();
        note.put("id", actor.id(path)).put("type", "Note").put("attributedTo", actor.uri())
                .put("content", "<p>" + text + "</p>").put("published", "2026-01-01T00:00:00Z");
        note.putArray("to").add(PUBLIC);
        note.putArray("cc").add(actor.uri() + "/followers");
        return note;
    }

    private static String authorization(RemoteActorStub.Actor actor, String path, String quoting, String quoted) {
        ObjectNode a = JSON.createObjectNode();
        a.put("id", actor.id(path)).put("type", "QuoteAuthorization").put("attributedTo", actor.uri())
                .put("interactingObject", quoting).put("interactionTarget", quoted);
        return a.toString();
    }

    private static ObjectNode accept(RemoteActorStub.Actor actor, String path, JsonNode request, String result) {
        ObjectNode embedded = ((ObjectNode) request).deepCopy();
        embedded.remove("@context");
        ObjectNode accept = JSON.createObjectNode();
        accept.put("@context", "https://www.w3.org/ns/activitystreams").put("id", actor.id(path))
                .put("type", "Accept").put("actor", actor.uri()).put("result", result);
        accept.set("object", embedded);
        return accept;
    }

    private static void deliver(RemoteActorStub.Actor actor, ObjectNode activity) {
        assertThat(actor.post(inbox, activity.toString()).status()).isEqualTo(202);
        Await.until(() -> read(tx -> TestSql.dsl(tx).fetchCount(Tables.JOBS,
                Tables.JOBS.KIND.eq(InboundActivityJob.TYPE.kind()))) == 0);
    }

    private static String state(String statusId) {
        return alice.get("/api/v1/statuses/" + statusId).json().get("quote").get("state").asText();
    }

    /** The JSON with the fake server's origin (its port changes) written as {@code https://remote.example}. */
    private static String stubless(JsonNode json) {
        return json.toString().replace(remote.origin(), "https://remote.example");
    }

    private static JsonNode awaitReceived(String path, String type) {
        Await.until(() -> received(path, type) != null);
        return received(path, type);
    }

    /** The first activity of {@code type} POSTed to the stub at {@code path}, else null. */
    private static JsonNode received(String path, String type) {
        for (RemoteActorStub.Received r : remote.received) {
            if (r.method().equals("POST") && r.path().equals(path)) {
                try {
                    JsonNode json = JSON.readTree(r.body());
                    if (type.equals(json.path("type").asText())) {
                        return json;
                    }
                } catch (Exception e) {
                    // not JSON
                }
            }
        }
        return null;
    }

    private static JsonNode post(String json) {
        HttpResult r = alice.postJson("/api/v1/statuses", json);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static <T> T read(Function<Tx, T> query) {
        return app.app().core().db().read(query::apply);
    }

}
