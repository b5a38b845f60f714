package social.starling.api.activitypub;

import social.starling.db.TestSql;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.db.schema.Tables;
import social.starling.model.Role;
import social.starling.service.account.NewLocalAccount;
import social.starling.testing.HttpResult;
import social.starling.testing.TestApp;

/** WebFinger as Mastodon answers it, and the round trip a remote server makes: acct → actor → acct. */
class WebFingerTest {
    @RegisterExtension
    static TestApp app = TestApp.create();

    static String domain;

    @BeforeAll
    static void accounts() {
        app.fixtures().account("alice");
        app.fixtures().account("suspended");
        app.app().core().db().inTransaction(tx -> TestSql.dsl(tx).update(Tables.ACCOUNTS)
                .set(Tables.ACCOUNTS.SUSPENDED_AT, Instant.now())
                .where(Tables.ACCOUNTS.USERNAME_KEY.eq("suspended")).execute());
        app.app().accounts().createLocalAccount().create(new NewLocalAccount("pending", "pending@example.test",
                "correct horse battery staple", Role.USER, "en", true, false, null, null, null));
        domain = app.app().config().server().domain();
    }

    static HttpResult webfinger(String resource) {
        return app.http().get("/.well-known/webfinger?resource=" + URLEncoder.encode(resource, StandardCharsets.UTF_8));
    }

    @Test
    void roundTripFromHandleToActorAndBack() {
        HttpResult r = webfinger("acct:alice@" + domain);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/jrd+json"));
        assertThat(r.header("Access-Control-Allow-Origin")).hasValue("*");
        JsonNode jrd = r.json();
        String base = app.baseUrl();
        assertThat(jrd.get("subject").asText()).isEqualTo("acct:alice@" + domain);
        assertThat(jrd.get("aliases")).extracting(JsonNode::asText).containsExactly(base + "/@alice", base + "/users/alice");
        String self = null;
        for (JsonNode link : jrd.get("links")) {
            switch (link.get("rel").asText()) {
                case "self" -> {
                    assertThat(link.get("type").asText()).isEqualTo("application/activity+json");
                    self = link.get("href").asText();
                }
                case "http://webfinger.net/rel/profile-page" -> {
                    assertThat(link.get("type").asText()).isEqualTo("text/html");
                    assertThat(link.get("href").asText()).isEqualTo(base + "/@alice");
                }
                case "http://ostatus.org/schema/1.0/subscribe" ->
                        assertThat(link.get("template").asText()).isEqualTo(base + "/authorize_interaction?uri={uri}");
                default -> throw new AssertionError("unexpected link " + link);
            }
        }
        assertThat(self).isEqualTo(base + "/users/alice");

        JsonNode actor = Fetch.as2(app.http(), self).json();
        assertThat(actor.get("id").asText()).isEqualTo(self);
        String acct = "acct:" + actor.get("preferredUsername").asText() + "@" + java.net.URI.create(self).getRawAuthority();
        assertThat(webfinger(acct).json().get("subject").asText()).isEqualTo("acct:alice@" + domain);
    }

    @Test
    void acceptsTheActorAndProfileUrlsAndABareHandle() {
        String base = app.baseUrl();
        for (String resource : new String[] {base + "/users/alice", base + "/@alice", "alice@" + domain,
                "acct:ALICE@" + domain.toUpperCase(), "acct:alice@localhost"}) {
            HttpResult r = webfinger(resource);
            assertThat(r.status()).as(resource).isEqualTo(200);
            assertThat(r.json().get("subject").asText()).as(resource).isEqualTo("acct:alice@" + domain);
        }
    }

    @Test
    void instanceActor() {
        for (String resource : new String[] {"acct:" + domain + "@" + domain, "acct:localhost@" + domain,
                app.baseUrl() + "/actor"}) {
            HttpResult r = webfinger(resource);
            assertThat(r.status()).as(resource).isEqualTo(200);
            JsonNode jrd = r.json();
            assertThat(jrd.get("subject").asText()).isEqualTo("acct:" + domain + "@" + domain);
            assertThat(jrd.get("aliases")).extracting(JsonNode::asText).containsExactly(app.baseUrl() + "/actor");
            assertThat(jrd.get("links").findValuesAsText("href")).contains(app.baseUrl() + "/actor");
        }
    }

    @Test
    void missingOrMalformedResourceIsABadRequest() {
        assertThat(app.http().get("/.well-known/webfinger").status()).isEqualTo(400);
        assertThat(webfinger("alice").status()).isEqualTo(400);
        assertThat(webfinger("acct:alice@").status()).isEqualTo(400);
    }

    @Test
    void unknownRemoteSuspendedAndUnconfirmedAreNotFound() {
        assertThat(webfinger("acct:nobody@" + domain).status()).isEqualTo(404);
        assertThat(webfinger("acct:alice@mastodon.example").status()).isEqualTo(404);
        assertThat(webfinger("https://mastodon.example/users/alice").status()).isEqualTo(404);
        assertThat(webfinger(app.baseUrl() + "/users/alice/statuses/1").status()).isEqualTo(404);
        assertThat(webfinger("acct:suspended@" + domain).status()).isEqualTo(404);
        assertThat(webfinger("acct:pending@" + domain).status()).isEqualTo(404);
    }

    @Test
    void hostMetaPointsToWebFinger() {
        HttpResult r = app.http().get("/.well-known/host-meta");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("rel=\"lrdd\"")
                .contains("template=\"" + app.baseUrl() + "/.well-known/webfinger?resource={uri}\"");
    }
}
