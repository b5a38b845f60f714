package social.starling.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.db.TestSql;
import social.starling.db.schema.Tables;
import social.starling.model.Role;
import social.starling.testing.Golden;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * Notification policies applied (Mastodon 4.3's NotifyService: filter and drop) and notification requests: list,
 * show, accept, dismiss, bulk, merged, and the policy's summary.
 */
class NotificationRequestsApiTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    static People people;

    @BeforeAll
    static void setUp() {
        people = new People(server);
    }

    @Test
    void aStrangersMentionIsFilteredIntoARequestAndAcceptingItLetsThemIn() {
        HttpTester ana = people.as("ana");
        people.follow("ana", "friend1");
        policy("ana", "{\"for_not_following\": \"filter\"}");

        String first = mention("stranger1", "ana", "public");
        String fromFriend = mention("friend1", "ana", "public");
        assertThat(statusIds(ana.get("/api/v1/notifications"))).containsExactly(fromFriend);
        HttpResult withFiltered = ana.get("/api/v1/notifications?include_filtered=true");
        assertThat(statusIds(withFiltered)).containsExactly(fromFriend, first);
        // Mastodon's serializer adds "filtered": true to a filtered notification only
        assertThat(withFiltered.json().get(0).has("filtered")).isFalse();
        assertThat(withFiltered.json().get(1).get("filtered").asBoolean()).isTrue();
        assertThat(ana.get("/api/v2/notifications").json().get("notification_groups")).hasSize(1);
        assertThat(ana.get("/api/v2/notifications?include_filtered=true").json().get("notification_groups"))
                .hasSize(2);
        assertThat(ana.get("/api/v1/notifications/unread_count").json().get("count").asInt()).isEqualTo(1);

        HttpResult list = ana.get("/api/v1/notifications/requests");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json()).hasSize(1);
        JsonNode request = list.json().get(0);
        assertThat(request.get("notifications_count").isTextual()).isTrue();
        assertThat(request.get("notifications_count").asText()).isEqualTo("1");
        assertThat(request.get("account").get("id").asText()).isEqualTo(people.id("stranger1"));
        assertThat(request.get("last_status").get("id").asText()).isEqualTo(first);
        String id = request.get("id").asText();

        HttpResult one = ana.get("/api/v1/notifications/requests/" + id);
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(one.json()).isEqualTo(request);
        Golden.assertMatches("notification_request.json", one.body());
        // someone else's request, an unknown id and a non-numeric one are 404
        assertThat(people.as("stranger1").get("/api/v1/notifications/requests/" + id).status()).isEqualTo(404);
        assertThat(people.as("stranger1").post("/api/v1/notifications/requests/" + id + "/accept").status())
                .isEqualTo(404);
        assertThat(ana.get("/api/v1/notifications/requests/1").status()).isEqualTo(404);
        assertThat(ana.get("/api/v1/notifications/requests/abc").status()).isEqualTo(404);

        // a second mention updates the same request
        String second = mention("stranger1", "ana", "unlisted");
        JsonNode again = ana.get("/api/v1/notifications/requests/" + id).json();
        assertThat(again.get("notifications_count").asText()).isEqualTo("2");
        assertThat(again.get("last_status").get("id").asText()).isEqualTo(second);
        JsonNode summary = ana.get("/api/v2/notifications/policy").json().get("summary");
        assertThat(summary.get("pending_requests_count").asInt()).isEqualTo(1);
        assertThat(summary.get("pending_notifications_count").asInt()).isEqualTo(2);
        JsonNode v1Summary = ana.get("/api/v1/notifications/policy").json().get("summary");
        assertThat(v1Summary).isEqualTo(summary);

        // a favourite from the stranger is filtered too, but makes no request (Mastodon: mentions only)
        String anasPost = people.post("ana", "my own words", "public");
        assertThat(people.as("stranger1").post("/api/v1/statuses/" + anasPost + "/favourite").status())
                .isEqualTo(200);
        assertThat(types(ana.get("/api/v1/notifications"))).containsExactly("mention");
        assertThat(ana.get("/api/v1/notifications/requests/" + id).json().get("notifications_count").asText())
                .isEqualTo("2");

        HttpResult accepted = ana.post("/api/v1/notifications/requests/" + id + "/accept");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().isEmpty()).isTrue();
        assertThat(ana.get("/api/v1/notifications/requests").json()).isEmpty();
        assertThat(ana.get("/api/v1/notifications/requests/" + id).status()).isEqualTo(404);
        assertThat(ana.get("/api/v1/notifications/requests/merged").json().get("merged").asBoolean()).isTrue();
        assertThat(types(ana.get("/api/v1/notifications"))).containsExactly("favourite", "mention", "mention",
                "mention");
        assertThat(ana.get("/api/v2/notifications/policy").json().get("summary").get("pending_requests_count")
                .asInt()).isZero();

        // from now on that sender is accepted, though ana still does not follow them
        String later = mention("stranger1", "ana", "public");
        assertThat(statusIds(ana.get("/api/v1/notifications?types[]=mention")).getFirst()).isEqualTo(later);
        assertThat(ana.get("/api/v1/notifications/requests").json()).isEmpty();
    }

    @Test
    void dropStoresNothingAtAll() {
        HttpTester bo = people.as("bo");
        people.follow("bo", "friend2");
        policy("bo", "{\"for_not_following\": \"drop\"}");
        mention("stranger2", "bo", "public");
        String fromFriend = mention("friend2", "bo", "public");
        assertThat(statusIds(bo.get("/api/v1/notifications?include_filtered=true"))).containsExactly(fromFriend);
        assertThat(bo.get("/api/v1/notifications/requests").json()).isEmpty();
        // follows are dropped as well
        people.follow("stranger2", "bo");
        assertThat(types(bo.get("/api/v1/notifications?include_filtered=true"))).containsExactly("mention");
    }

    @Test
    void dismissingRemovesTheRequestAndItsNotifications() {
        HttpTester cy = people.as("cy");
        policy("cy", "{\"for_not_following\": \"filter\"}");
        mention("stranger3", "cy", "public");
        String id = onlyRequest("cy").get("id").asText();
        HttpResult dismissed = cy.post("/api/v1/notifications/requests/" + id + "/dismiss");
        assertThat(dismissed.status()).as(dismissed.body()).isEqualTo(200);
        assertThat(cy.get("/api/v1/notifications/requests").json()).isEmpty();
        assertThat(cy.get("/api/v1/notifications?include_filtered=true").json()).isEmpty();
        assertThat(cy.post("/api/v1/notifications/requests/" + id + "/dismiss").status()).isEqualTo(404);
        // not an acceptance: the next mention is filtered again, into a new request
        mention("stranger3", "cy", "public");
        JsonNode fresh = onlyRequest("cy");
        assertThat(fresh.get("id").asText()).isNotEqualTo(id);
        assertThat(fresh.get("notifications_count").asText()).isEqualTo("1");
        assertThat(cy.get("/api/v1/notifications").json()).isEmpty();
    }

    @Test
    void bulkAcceptAndDismissTakeIdsAndIgnoreOthers() {
        HttpTester dee = people.as("dee");
        policy("dee", "{\"for_not_following\": \"filter\"}");
        String a = mention("bulk1", "dee", "public");
        mention("bulk2", "dee", "public");
        mention("bulk3", "dee", "public");
        JsonNode list = dee.get("/api/v1/notifications/requests").json();
        assertThat(list).hasSize(3);
        String r1 = requestOf(list, "bulk1");
        String r2 = requestOf(list, "bulk2");
        String r3 = requestOf(list, "bulk3");

        HttpResult accept = dee.send("POST", "/api/v1/notifications/requests/accept",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), "id[]=" + r1 + "&id[]=999&id[]=x");
        assertThat(accept.status()).as(accept.body()).isEqualTo(200);
        assertThat(accept.json().isEmpty()).isTrue();
        HttpResult dismiss = dee.postJson("/api/v1/notifications/requests/dismiss",
                "{\"id\": [\"" + r2 + "\", \"" + r3 + "\"]}");
        assertThat(dismiss.status()).as(dismiss.body()).isEqualTo(200);
        assertThat(dee.get("/api/v1/notifications/requests").json()).isEmpty();
        assertThat(statusIds(dee.get("/api/v1/notifications?include_filtered=true"))).containsExactly(a);
        // someone else's ids change nothing
        policy("eve", "{\"for_not_following\": \"filter\"}");
        mention("bulk1", "eve", "public");
        String evesRequest = onlyRequest("eve").get("id").asText();
        assertThat(dee.postJson("/api/v1/notifications/requests/dismiss", "{\"id\": [\"" + evesRequest + "\"]}")
                .status()).isEqualTo(200);
        assertThat(people.as("eve").get("/api/v1/notifications/requests").json()).hasSize(1);
    }

    @Test
    void blockingTheSenderRemovesTheirRequest() {
        HttpTester max = people.as("max");
        policy("max", "{\"for_not_following\": \"filter\"}");
        mention("pest", "max", "public");
        onlyRequest("max");
        HttpResult block = max.post("/api/v1/accounts/" + people.id("pest") + "/block");
        assertThat(block.status()).as(block.body()).isEqualTo(200);
        assertThat(max.get("/api/v1/notifications/requests").json()).isEmpty();
        assertThat(max.get("/api/v1/notifications?include_filtered=true").json()).isEmpty();
    }

    @Test
    void requestsArePagedWithLinkHeaders() {
        HttpTester flo = people.as("flo");
        policy("flo", "{\"for_not_following\": \"filter\"}");
        for (String s : List.of("pager1", "pager2", "pager3")) {
            mention(s, "flo", "public");
        }
        HttpResult page1 = flo.get("/api/v1/notifications/requests?limit=2");
        assertThat(page1.json()).hasSize(2);
        String next = People.link(page1, "next");
        assertThat(next).contains("max_id=").contains("limit=2");
        HttpResult page2 = flo.get(next.substring(next.indexOf("/api/")));
        assertThat(page2.json()).hasSize(1);
        List<String> ids = new ArrayList<>();
        page1.json().forEach(r -> ids.add(r.get("id").asText()));
        page2.json().forEach(r -> ids.add(r.get("id").asText()));
        assertThat(ids).doesNotHaveDuplicates().hasSize(3);
        String prev = People.link(page2, "prev");
        assertThat(prev).contains("min_id=" + ids.get(2));
        HttpResult back = flo.get(prev.substring(prev.indexOf("/api/")));
        assertThat(back.json()).hasSize(2);
        assertThat(flo.get("/api/v1/notifications/requests?since_id=" + ids.get(1)).json()).hasSize(1);
        assertThat(flo.get("/api/v1/notifications/requests?limit=x").status()).isEqualTo(400);
    }

    @Test
    void privateMentionsAreFilteredUnlessTheyAnswerTheRecipient() {
        HttpTester gil = people.as("gil");
        people.as("dm1");
        policy("gil", "{\"for_private_mentions\": \"filter\"}");
        String direct = mention("dm1", "gil", "direct");
        String open = mention("dm1", "gil", "public");
        assertThat(statusIds(gil.get("/api/v1/notifications"))).containsExactly(open);
        JsonNode request = onlyRequest("gil");
        assertThat(request.get("last_status").get("id").asText()).isEqualTo(direct);
        assertThat(gil.get("/api/v1/conversations").json()).isEmpty();

        // a direct answer to gil's own direct status that mentioned the sender is let through
        String gilsDirect = mention("gil", "dm2", "direct");
        HttpResult reply = people.as("dm2").postJson("/api/v1/statuses", "{\"status\": \"@gil sure\", "
                + "\"visibility\": \"direct\", \"in_reply_to_id\": \"" + gilsDirect + "\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        server.awaitDistributed();
        assertThat(statusIds(gil.get("/api/v1/notifications")))
                .containsExactly(reply.json().get("id").asText(), open);

        // accepting puts the filtered direct mention into gil's conversations
        assertThat(gil.post("/api/v1/notifications/requests/" + request.get("id").asText() + "/accept").status())
                .isEqualTo(200);
        List<String> lastStatuses = new ArrayList<>();
        gil.get("/api/v1/conversations").json().forEach(c -> lastStatuses.add(c.get("last_status").get("id").asText()));
        assertThat(lastStatuses).contains(direct);
    }

    @Test
    void byDefaultAStrangersPrivateMentionIsFilteredAndAFollowedOnesIsNot() {
        HttpTester pia = people.as("pia");
        people.as("stranger9");
        people.as("friend9");
        people.follow("pia", "friend9");
        String fromStranger = mention("stranger9", "pia", "direct");
        String fromFriend = mention("friend9", "pia", "direct");
        String openMention = mention("stranger9", "pia", "public");
        assertThat(statusIds(pia.get("/api/v1/notifications"))).containsExactly(openMention, fromFriend);
        assertThat(onlyRequest("pia").get("last_status").get("id").asText()).isEqualTo(fromStranger);
    }

    @Test
    void newAccountsAreFilteredUntilThirtyDaysOld() {
        HttpTester hal = people.as("hal");
        people.as("newbie");
        people.as("oldtimer");
        ageAccount("oldtimer", Duration.ofDays(31));
        policy("hal", "{\"for_new_accounts\": \"filter\"}");
        mention("newbie", "hal", "public");
        String fromOld = mention("oldtimer", "hal", "public");
        assertThat(statusIds(hal.get("/api/v1/notifications"))).containsExactly(fromOld);
        assertThat(onlyRequest("hal").get("account").get("id").asText()).isEqualTo(people.id("newbie"));
        // following the new account lets it through
        people.follow("hal", "newbie");
        String followed = mention("newbie", "hal", "public");
        assertThat(statusIds(hal.get("/api/v1/notifications")).getFirst()).isEqualTo(followed);
    }

    @Test
    void notFollowersAndNewFollowersAreFiltered() {
        HttpTester ivy = people.as("ivy");
        people.follow("longfan", "ivy");
        people.follow("newfan", "ivy");
        policy("ivy", "{\"for_not_followers\": \"filter\"}");
        ageFollow("longfan", "ivy", Duration.ofDays(4));
        // a follow is itself from a follower of under 3 days: filtered
        people.follow("latefan", "ivy");
        assertThat(accountIds(ivy.get("/api/v1/notifications")))
                .containsExactly(people.id("newfan"), people.id("longfan"));
        assertThat(accountIds(ivy.get("/api/v1/notifications?include_filtered=true")))
                .containsExactly(people.id("latefan"), people.id("newfan"), people.id("longfan"));
        mention("nofan", "ivy", "public");
        mention("newfan", "ivy", "public");
        String fromFan = mention("longfan", "ivy", "public");
        assertThat(statusIds(ivy.get("/api/v1/notifications?types[]=mention"))).containsExactly(fromFan);
        assertThat(ivy.get("/api/v1/notifications/requests").json()).hasSize(2);

        // "status" notifications are never filtered: ivy follows with notify someone who does not follow her
        HttpResult subscribe = ivy.postJson("/api/v1/accounts/" + people.id("poster") + "/follow",
                "{\"notify\": true}");
        assertThat(subscribe.status()).as(subscribe.body()).isEqualTo(200);
        String post = people.post("poster", "news", "public");
        server.awaitDistributed();
        assertThat(statusIds(ivy.get("/api/v1/notifications?types[]=status"))).containsExactly(post);
    }

    @Test
    void limitedAccountsAreFilteredUnlessFollowed() {
        HttpTester jo = people.as("jo");
        people.as("hushed");
        silence("hushed");
        policy("jo", "{\"for_limited_accounts\": \"filter\"}");
        mention("hushed", "jo", "public");
        String open = mention("loud", "jo", "public");
        assertThat(statusIds(jo.get("/api/v1/notifications"))).containsExactly(open);
        assertThat(onlyRequest("jo").get("account").get("id").asText()).isEqualTo(people.id("hushed"));
        people.follow("jo", "hushed");
        String followed = mention("hushed", "jo", "public");
        assertThat(statusIds(jo.get("/api/v1/notifications")).getFirst()).isEqualTo(followed);
    }

    @Test
    void theStrictestMatchingValueWins() {
        HttpTester kit = people.as("kit");
        people.as("mixed");
        policy("kit", "{\"for_not_following\": \"filter\", \"for_new_accounts\": \"drop\"}");
        mention("mixed", "kit", "public"); // new and not followed: drop beats filter
        assertThat(kit.get("/api/v1/notifications?include_filtered=true").json()).isEmpty();
        assertThat(kit.get("/api/v1/notifications/requests").json()).isEmpty();
    }

    @Test
    void staffMentionsAreNeverFilteredAndBotsFollowForBots() {
        HttpTester nia = people.as("nia");
        server.fixtures().account("boss", Role.ADMIN);
        people.as("robot");
        makeBot("robot");
        policy("nia", "{\"for_not_following\": \"filter\", \"for_bots\": \"drop\"}");
        String fromStaff = mention("boss", "nia", "public");
        mention("robot", "nia", "public");
        assertThat(statusIds(nia.get("/api/v1/notifications?include_filtered=true"))).containsExactly(fromStaff);
        assertThat(nia.get("/api/v1/notifications/requests").json()).isEmpty();
    }

    @Test
    void policyUpdatesAnswerPutAsWellAsPatch() {
        HttpTester lou = people.as("lou");
        HttpResult v2 = lou.putJson("/api/v2/notifications/policy", "{\"for_private_mentions\": \"drop\"}");
        assertThat(v2.status()).as(v2.body()).isEqualTo(200);
        assertThat(v2.json().get("for_private_mentions").asText()).isEqualTo("drop");
        HttpResult v1 = lou.putJson("/api/v1/notifications/policy", "{\"filter_not_following\": true}");
        assertThat(v1.status()).as(v1.body()).isEqualTo(200);
        assertThat(v1.json().get("filter_not_following").asBoolean()).isTrue();
        assertThat(v1.json().get("filter_private_mentions").asBoolean()).isTrue();
        assertThat(lou.get("/api/v2/notifications/policy").json().get("for_not_following").asText())
                .isEqualTo("filter");
    }

    @Test
    void scopes() {
        HttpTester reader = people.withScopes("reqreader", "read:notifications");
        assertThat(reader.get("/api/v1/notifications/requests").status()).isEqualTo(200);
        assertThat(reader.get("/api/v1/notifications/requests/merged").status()).isEqualTo(200);
        assertThat(reader.post("/api/v1/notifications/requests/1/accept").status()).isEqualTo(403);
        assertThat(reader.postJson("/api/v1/notifications/requests/dismiss", "{\"id\": [\"1\"]}").status())
                .isEqualTo(403);
        assertThat(server.http().get("/api/v1/notifications/requests").status()).isEqualTo(401);
    }

    // ------------------------------------------------------------------------------------------------------------

    private static void policy(String name, String json) {
        HttpResult r = people.as(name).patchJson("/api/v2/notifications/policy", json);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** {@code from} mentions {@code to}; returns the status id once it has been distributed. */
    private static String mention(String from, String to, String visibility) {
        people.as(to);
        String id = people.post(from, "@" + to + " hello", visibility);
        server.awaitDistributed();
        return id;
    }

    private static JsonNode onlyRequest(String name) {
        JsonNode list = people.as(name).get("/api/v1/notifications/requests").json();
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    private static String requestOf(JsonNode list, String sender) {
        for (JsonNode r : list) {
            if (r.get("account").get("id").asText().equals(people.id(sender))) {
                return r.get("id").asText();
            }
        }
        throw new AssertionError("no request from " + sender);
    }

    private static List<String> statusIds(HttpResult r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().forEach(n -> out.add(n.get("status").get("id").asText()));
        return out;
    }

    private static List<String> types(HttpResult r) {
        List<String> out = new ArrayList<>();
        r.json().forEach(n -> out.add(n.get("type").asText()));
        return out;
    }

    private static List<String> accountIds(HttpResult r) {
        List<String> out = new ArrayList<>();
        r.json().forEach(n -> out.add(n.get("account").get("id").asText()));
        return out;
    }

    private static void ageAccount(String name, Duration age) {
        long id = Long.parseLong(people.id(name));
        var app = server.app();
        app.core().db().inTransaction(tx -> TestSql.dsl(tx).update(Tables.ACCOUNTS)
                .set(Tables.ACCOUNTS.CREATED_AT, Instant.now().minus(age)).where(Tables.ACCOUNTS.ID.eq(id)).execute());
        app.repos().accounts().forget(id);
    }

    private static void silence(String name) {
        long id = Long.parseLong(people.id(name));
        var app = server.app();
        app.core().db().inTransaction(tx -> TestSql.dsl(tx).update(Tables.ACCOUNTS)
                .set(Tables.ACCOUNTS.SILENCED_AT, Instant.now()).where(Tables.ACCOUNTS.ID.eq(id)).execute());
        app.repos().accounts().forget(id);
    }

    private static void makeBot(String name) {
        long id = Long.parseLong(people.id(name));
        var app = server.app();
        app.core().db().inTransaction(tx -> TestSql.dsl(tx).update(Tables.ACCOUNTS)
                .set(Tables.ACCOUNTS.ACTOR_TYPE, "Service").where(Tables.ACCOUNTS.ID.eq(id)).execute());
        app.repos().accounts().forget(id);
    }

    private static void ageFollow(String follower, String target, Duration age) {
        long a = Long.parseLong(people.id(follower));
        long b = Long.parseLong(people.id(target));
        server.app().core().db().inTransaction(tx -> TestSql.dsl(tx).update(Tables.FOLLOWS)
                .set(Tables.FOLLOWS.CREATED_AT, Instant.now().minus(age))
                .where(Tables.FOLLOWS.ACCOUNT_ID.eq(a)).and(Tables.FOLLOWS.TARGET_ACCOUNT_ID.eq(b)).execute());
    }
}
