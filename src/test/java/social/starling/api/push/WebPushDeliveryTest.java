package social.starling.api.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.service.event.NotificationCreated;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.Fixtures;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * Web Push end to end: a notification made through the API reaches a push service on loopback (allowed by the
 * federation's test allowance), encrypted so that only the subscription's keys open it, into Mastodon's push JSON,
 * signed with VAPID by the key the instance shows; alerts and policy decide what is sent; a 410 ends the
 * subscription.
 */
class WebPushDeliveryTest {
    static final String SCOPES = "read write follow push";

    @RegisterExtension
    static TestApp server = TestApp.create()
            .with("STARLING_FEDERATION_ALLOW_PRIVATE", "127.0.0.0/8")
            .with("STARLING_CONTACT_EMAIL", "admin@example.test");

    static LoopbackPushService push;
    static ApiClient client;

    @BeforeAll
    static void start() throws Exception {
        push = new LoopbackPushService();
        client = ApiClient.register(server.http(), SCOPES);
    }

    @AfterAll
    static void stop() {
        push.close();
    }

    static String token(String username) {
        server.fixtures().account(username);
        return client.login(username, Fixtures.PASSWORD, SCOPES);
    }

    static JsonNode ok(HttpResult r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static String subscription(LoopbackPushService.UserAgent ua, String alerts, String policy) {
        return """
                {"subscription": {"endpoint": "%s", "keys": {"p256dh": "%s", "auth": "%s"}, "standard": true},
                 "data": {"alerts": {%s}, "policy": "%s"}}""".formatted(push.endpoint(ua), ua.p256dh(),
                ua.authSecret(), alerts, policy);
    }

    static String notificationId(HttpTester who, String type) {
        for (JsonNode n : ok(who.get("/api/v1/notifications?types[]=" + type))) {
            return n.get("id").asText();
        }
        throw new AssertionError("no " + type + " notification");
    }

    /** Every NotificationCreated heard so far has been decided (pushes queued or not). */
    static void settled() {
        Await.until(() -> server.app().push().notifier().pending() == 0);
    }

    @Test
    void aFollowIsPushedEncryptedForTheSubscriptionAndSignedWithTheInstanceKey() throws Exception {
        String aliceToken = token("alice");
        HttpTester alice = server.http().withToken(aliceToken);
        HttpTester bob = server.http().withToken(token("bob"));
        var ua = push.userAgent("/push/alice");
        JsonNode sub = ok(alice.postJson("/api/v1/push/subscription",
                subscription(ua, "\"follow\": true, \"mention\": true", "all")));
        String instanceKey = ok(server.http().get("/api/v2/instance")).at("/configuration/vapid/public_key").asText();
        assertThat(sub.get("server_key").asText()).isEqualTo(instanceKey);

        String aliceId = String.valueOf(server.fixtures().account("alice").id());
        ok(bob.post("/api/v1/accounts/" + aliceId + "/follow"));
        Await.until(() -> !push.received("/push/alice").isEmpty());

        var received = push.received("/push/alice").getFirst();
        assertThat(received.header("Content-Encoding")).isEqualTo("aes128gcm");
        assertThat(received.header("TTL")).isEqualTo("172800");
        assertThat(received.header("Urgency")).isEqualTo("normal");
        JsonNode claims = push.verifyVapid(received, instanceKey);
        assertThat(claims.get("sub").asText()).isEqualTo("mailto:admin@example.test");

        JsonNode message = LoopbackPushService.decrypt(received, ua);
        JsonNode bobAccount = ok(server.http().get("/api/v1/accounts/" + server.fixtures().account("bob").id()));
        String bobName = bobAccount.get("display_name").asText().isEmpty() ? "bob"
                : bobAccount.get("display_name").asText();
        assertThat(message.get("access_token").asText()).isEqualTo(aliceToken);
        assertThat(message.get("notification_id").isNumber()).isTrue();
        assertThat(message.get("notification_id").asText()).isEqualTo(notificationId(alice, "follow"));
        assertThat(message.get("notification_type").asText()).isEqualTo("follow");
        assertThat(message.get("preferred_locale").asText()).isNotBlank();
        assertThat(message.get("icon").asText()).isEqualTo(bobAccount.get("avatar_static").asText());
        assertThat(message.get("title").asText()).isEqualTo(bobName + " is now following you");
        assertThat(message.has("body")).isTrue();
        assertThat(message.properties()).extracting(java.util.Map.Entry::getKey).containsExactlyInAnyOrder(
                "access_token", "preferred_locale", "notification_id", "notification_type", "icon", "title", "body");
    }

    @Test
    void alertsAndPolicyDecideWhatIsPushed() throws Exception {
        HttpTester carol = server.http().withToken(token("carol"));
        HttpTester dave = server.http().withToken(token("dave"));
        long carolId = server.fixtures().account("carol").id();
        var ua = push.userAgent("/push/carol");
        ok(carol.postJson("/api/v1/push/subscription",
                subscription(ua, "\"follow\": false, \"mention\": true", "followed")));

        // The follow alert is off: nothing is queued for a follow.
        ok(dave.post("/api/v1/accounts/" + carolId + "/follow"));
        settled();
        long follow = Long.parseLong(notificationId(carol, "follow"));
        assertThat(server.app().push().notifier().queue(new NotificationCreated(follow, carolId))).isZero();

        // A mention from someone carol does not follow, under "followed": nothing either.
        ok(dave.postJson("/api/v1/statuses", "{\"status\": \"@carol first\"}"));
        server.awaitDistributed(); // mentions are notified by the distribution job
        settled();
        long first = Long.parseLong(notificationId(carol, "mention"));
        assertThat(server.app().push().notifier().queue(new NotificationCreated(first, carolId))).isZero();

        // Policy "all" (PUT, form-encoded as apps send it): the next mention is pushed, and only it.
        JsonNode updated = ok(carol.send("PUT", "/api/v1/push/subscription",
                java.util.Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "data%5Balerts%5D%5Bmention%5D=true&data%5Bpolicy%5D=all"));
        assertThat(updated.get("policy").asText()).isEqualTo("all");
        ok(dave.postJson("/api/v1/statuses", "{\"status\": \"@carol second\"}"));
        Await.until(() -> !push.received("/push/carol").isEmpty());
        settled();
        List<LoopbackPushService.Received> all = push.received("/push/carol");
        assertThat(all).hasSize(1);
        JsonNode message = LoopbackPushService.decrypt(all.getFirst(), ua);
        assertThat(message.get("notification_type").asText()).isEqualTo("mention");
        assertThat(message.get("notification_id").asText()).isEqualTo(notificationId(carol, "mention"))
                .isNotEqualTo(String.valueOf(first));
        assertThat(message.get("body").asText()).isEqualTo("@carol second");
        assertThat(message.get("title").asText()).startsWith("You were mentioned by ");
    }

    @Test
    void aSubscriptionWithoutStandardGetsTheLegacyAesgcmCoding() throws Exception {
        String ginaToken = token("gina");
        HttpTester gina = server.http().withToken(ginaToken);
        HttpTester hal = server.http().withToken(token("hal"));
        var ua = push.userAgent("/push/gina");
        ok(gina.postJson("/api/v1/push/subscription", subscription(ua, "\"favourite\": true", "all")
                .replace(", \"standard\": true", "")));
        String statusId = ok(gina.postJson("/api/v1/statuses", "{\"status\": \"<b>a</b> &amp; b\", "
                + "\"spoiler_text\": \"\"}")).get("id").asText();
        ok(hal.post("/api/v1/statuses/" + statusId + "/favourite"));
        Await.until(() -> !push.received("/push/gina").isEmpty());

        var received = push.received("/push/gina").getFirst();
        String instanceKey = ok(server.http().get("/api/v2/instance")).at("/configuration/vapid/public_key").asText();
        push.verifyLegacyVapid(received, instanceKey);
        JsonNode message = LoopbackPushService.decryptLegacy(received, ua);
        assertThat(message.get("access_token").asText()).isEqualTo(ginaToken);
        assertThat(message.get("notification_type").asText()).isEqualTo("favourite");
        assertThat(message.get("notification_id").asText()).isEqualTo(notificationId(gina, "favourite"));
        // strip_tags, entities decoded, as Mastodon's serializer
        assertThat(message.get("body").asText()).isEqualTo("a & b");
    }

    @Test
    void aRevokedTokensSubscriptionIsNeverPushedAndIsDeleted() throws Exception {
        String hugoToken = token("hugo");
        HttpTester hugo = server.http().withToken(hugoToken);
        HttpTester ivy = server.http().withToken(token("ivy"));
        long hugoId = server.fixtures().account("hugo").id();
        var ua = push.userAgent("/push/hugo");
        ok(hugo.postJson("/api/v1/push/subscription", subscription(ua, "\"follow\": true", "all")));
        assertThat(subscriptionsOf(hugoId)).isOne();
        assertThat(server.http().postForm("/oauth/revoke", HttpTester.form("client_id", client.clientId,
                "client_secret", client.clientSecret, "token", hugoToken)).status()).isEqualTo(200);

        ok(ivy.post("/api/v1/accounts/" + hugoId + "/follow"));
        settled();
        assertThat(subscriptionsOf(hugoId)).isZero();
        long follow = server.app().core().db().read(tx -> social.starling.db.TestSql.dsl(tx)
                .select(social.starling.db.schema.Tables.NOTIFICATIONS.ID)
                .from(social.starling.db.schema.Tables.NOTIFICATIONS)
                .where(social.starling.db.schema.Tables.NOTIFICATIONS.ACCOUNT_ID.eq(hugoId)).fetchOne().value1());
        assertThat(server.app().push().notifier().queue(new NotificationCreated(follow, hugoId))).isZero();
        assertThat(push.received("/push/hugo")).isEmpty();
    }

    static int subscriptionsOf(long accountId) {
        return server.app().core().db().read(tx -> social.starling.db.TestSql.dsl(tx).fetchCount(
                social.starling.db.schema.Tables.PUSH_SUBSCRIPTIONS,
                social.starling.db.schema.Tables.PUSH_SUBSCRIPTIONS.ACCOUNT_ID.eq(accountId)));
    }

    @Test
    void aGoneSubscriptionIsDeleted() throws Exception {
        HttpTester erin = server.http().withToken(token("erin"));
        HttpTester frank = server.http().withToken(token("frank"));
        var ua = push.userAgent("/push/erin");
        push.answer("/push/erin", 410);
        ok(erin.postJson("/api/v1/push/subscription", subscription(ua, "\"follow\": true", "all")));
        ok(erin.get("/api/v1/push/subscription"));

        ok(frank.post("/api/v1/accounts/" + server.fixtures().account("erin").id() + "/follow"));
        Await.until(() -> erin.get("/api/v1/push/subscription").status() == 404);
        assertThat(push.received("/push/erin")).hasSize(1);
    }
}
