package social.starling.api.activitypub;

import social.starling.db.TestSql;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.db.schema.Tables;
import social.starling.testing.ApiClient;
import social.starling.testing.Golden;
import social.starling.testing.HttpResult;
import social.starling.testing.TestApp;

/** Actors as other servers read them (Mastodon's shape), and what browsers get at the same URLs. */
class ActorTest {
    @RegisterExtension
    static TestApp app = TestApp.create();

    @BeforeAll
    static void profiles() {
        app.fixtures().account("alice");
        app.fixtures().account("bob");
        app.fixtures().account("gone");
        ApiClient client = ApiClient.register(app.http(), "read write");
        assertThat(client.as("alice", "write").patchJson("/api/v1/accounts/update_credentials", """
                {"display_name": "Alice Liddell", "note": "Down the #rabbit hole with @bob",
                 "fields_attributes": [{"name": "Website", "value": "https://example.org/alice"},
                                       {"name": "Pronouns", "value": "she/her"}]}""").status()).isEqualTo(200);
        assertThat(client.as("bob", "write").patchJson("/api/v1/accounts/update_credentials",
                "{\"bot\": true, \"locked\": true, \"hide_collections\": true}").status()).isEqualTo(200);
        app.app().core().db().inTransaction(tx -> TestSql.dsl(tx).update(Tables.ACCOUNTS)
                .set(Tables.ACCOUNTS.SUSPENDED_AT, Instant.now())
                .where(Tables.ACCOUNTS.USERNAME_KEY.eq("gone")).execute());
    }

    /** The key pair is random: the golden file shows where it goes, the test checks it separately. */
    static String withoutKey(String json) {
        return json.replaceAll("\"publicKeyPem\":\"[^\"]*\"", "\"publicKeyPem\":\"<pem>\"");
    }

    @Test
    void personInMastodonsShape() throws Exception {
        HttpResult r = Fetch.as2(app.http(), "/users/alice");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).hasValue("application/activity+json; charset=utf-8");
        assertThat(r.header("Vary")).hasValueSatisfying(v -> assertThat(v).contains("Accept"));
        Golden.assertMatches("activitypub/actor.json", withoutKey(r.body()));

        JsonNode actor = r.json();
        String id = app.baseUrl() + "/users/alice";
        assertThat(actor.get("publicKey").get("id").asText()).isEqualTo(id + "#main-key");
        assertThat(actor.get("publicKey").get("owner").asText()).isEqualTo(id);
        assertThat(rsaKey(actor).getModulus().bitLength()).isEqualTo(2048);
    }

    @Test
    void ldJsonWithTheActivityStreamsProfileGetsTheSameDocument() {
        HttpResult r = Fetch.get(app.http(), "/users/alice", Fetch.LD);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("type").asText()).isEqualTo("Person");
        assertThat(Fetch.get(app.http(), "/users/alice", Fetch.FEDIFY).json().get("id").asText())
                .isEqualTo(app.baseUrl() + "/users/alice");
    }

    @Test
    void theProfileUrlServesTheActorToActivityPubClients() {
        assertThat(Fetch.as2(app.http(), "/@alice").json()).isEqualTo(Fetch.as2(app.http(), "/users/alice").json());
    }

    @Test
    void browsersAreSentToTheProfilePage() {
        HttpResult r = Fetch.browser(app.http(), "/users/alice");
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/@alice"));
        assertThat(app.http().get("/users/alice").status()).as("no Accept at all").isEqualTo(302);

        HttpResult page = Fetch.browser(app.http(), "/@alice");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        String domain = app.app().config().server().domain();
        assertThat(page.body()).contains("Alice Liddell").contains("@alice@" + domain)
                .contains("rabbit").contains("Website").contains("Follow from your server")
                .contains("another fediverse server");
    }

    @Test
    void botsAreServicesAndLockedAccountsApproveFollowers() {
        JsonNode bob = Fetch.as2(app.http(), "/users/bob").json();
        assertThat(bob.get("type").asText()).isEqualTo("Service");
        assertThat(bob.get("manuallyApprovesFollowers").asBoolean()).isTrue();
        assertThat(bob.get("name").asText()).as("no display name: the username").isEqualTo("bob");
    }

    @Test
    void instanceActorIsAnApplication() throws Exception {
        HttpResult r = Fetch.as2(app.http(), "/actor");
        assertThat(r.status()).isEqualTo(200);
        JsonNode actor = r.json();
        String domain = app.app().config().server().domain();
        assertThat(actor.get("type").asText()).isEqualTo("Application");
        assertThat(actor.get("id").asText()).isEqualTo(app.baseUrl() + "/actor");
        assertThat(actor.get("preferredUsername").asText()).isEqualTo(domain);
        assertThat(actor.get("inbox").asText()).isEqualTo(app.baseUrl() + "/actor/inbox");
        assertThat(actor.get("publicKey").get("id").asText()).isEqualTo(app.baseUrl() + "/actor#main-key");
        rsaKey(actor);
        assertThat(Fetch.as2(app.http(), "/actor/outbox").json().get("totalItems").asInt()).isZero();
        assertThat(Fetch.browser(app.http(), "/actor").status()).isEqualTo(302);
    }

    @Test
    void anActorWithoutAKeyYetGetsOneWhenFetched() throws Exception {
        long id = app.fixtures().account("fresh").id();
        app.app().core().db().inTransaction(tx -> TestSql.dsl(tx).update(Tables.ACCOUNTS)
                .setNull(Tables.ACCOUNTS.PUBLIC_KEY).setNull(Tables.ACCOUNTS.PRIVATE_KEY)
                .where(Tables.ACCOUNTS.ID.eq(id)).execute());
        JsonNode actor = Fetch.as2(app.http(), "/users/fresh").json();
        RSAPublicKey key = rsaKey(actor);
        assertThat(Fetch.as2(app.http(), "/users/fresh").json().get("publicKey").get("publicKeyPem").asText())
                .as("the same key the second time").isEqualTo(actor.get("publicKey").get("publicKeyPem").asText());
        assertThat(key.getPublicExponent().intValue()).isEqualTo(65537);
    }

    @Test
    void unknownAndSuspendedAccountsAreNotFound() {
        for (String path : new String[] {"/users/nobody", "/@nobody", "/users/gone", "/@gone"}) {
            assertThat(Fetch.as2(app.http(), path).status()).as(path).isEqualTo(404);
            assertThat(Fetch.browser(app.http(), path).status()).as(path).isEqualTo(404);
        }
    }

    static RSAPublicKey rsaKey(JsonNode actor) throws Exception {
        String pem = actor.get("publicKey").get("publicKeyPem").asText();
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----");
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }
}
