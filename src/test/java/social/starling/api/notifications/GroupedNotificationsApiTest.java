package social.starling.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.Golden;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/** GET /api/v2/notifications and the group endpoints, with follows grouped and mentions not. */
class GroupedNotificationsApiTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    static People people;

    @BeforeAll
    static void setUp() {
        people = new People(server);
    }

    private static List<String> gwen;

    /** gwen: followed by gf1, gf2, gf3 (in that order), then mentioned by gm. Returns v1 ids, newest first. */
    static synchronized List<String> gwen() {
        if (gwen == null) {
            gwen = gwenLike("gwen");
        }
        return gwen;
    }

    @Test
    void followsAreGroupedAndMentionsAreNot() {
        List<String> ids = gwen();
        HttpTester g = people.as("gwen");
        HttpResult r = g.get("/api/v2/notifications");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        JsonNode groups = body.get("notification_groups");
        assertThat(groups.size()).isEqualTo(2);

        JsonNode mention = groups.get(0);
        assertThat(mention.get("type").asText()).isEqualTo("mention");
        assertThat(mention.get("group_key").asText()).isEqualTo("ungrouped-" + ids.get(0));
        assertThat(mention.get("notifications_count").asInt()).isEqualTo(1);
        assertThat(mention.get("most_recent_notification_id").asText()).isEqualTo(ids.get(0));
        assertThat(mention.get("sample_account_ids").get(0).asText()).isEqualTo(people.id("gm"));
        assertThat(mention.get("status_id").asText()).isEqualTo(body.get("statuses").get(0).get("id").asText());

        JsonNode follows = groups.get(1);
        assertThat(follows.get("type").asText()).isEqualTo("follow");
        assertThat(follows.get("group_key").asText()).matches("follow-\\d+");
        assertThat(follows.get("notifications_count").asInt()).isEqualTo(3);
        assertThat(follows.get("most_recent_notification_id").asText()).isEqualTo(ids.get(1));
        assertThat(follows.get("page_max_id").asText()).isEqualTo(ids.get(1));
        assertThat(follows.get("page_min_id").asText()).isEqualTo(ids.get(3));
        assertThat(follows.has("status_id")).isFalse();
        assertThat(texts(follows.get("sample_account_ids")))
                .containsExactly(people.id("gf3"), people.id("gf2"), people.id("gf1"));

        assertThat(texts(body.get("accounts").findValues("id").stream().toList()))
                .containsExactly(people.id("gm"), people.id("gf3"), people.id("gf2"), people.id("gf1"));
        assertThat(body.get("statuses").size()).isEqualTo(1);
        assertThat(body.has("partial_accounts")).isFalse();
        assertThat(People.link(r, "next")).contains("max_id=" + ids.get(3));
        assertThat(People.link(r, "prev")).contains("min_id=" + ids.get(0));

        Golden.assertMatches("grouped_notifications.json",
                r.body().replaceAll("\"follow-\\d+\"", "\"follow-<hour>\""));
    }

    @Test
    void groupedTypesTypesAndPartialAccounts() {
        List<String> ids = gwen();
        HttpTester g = people.as("gwen");

        JsonNode ungrouped = g.get("/api/v2/notifications?grouped_types[]=favourite&grouped_types[]=mention").json();
        assertThat(ungrouped.get("notification_groups").findValuesAsText("group_key"))
                .containsExactly("ungrouped-" + ids.get(0), "ungrouped-" + ids.get(1), "ungrouped-" + ids.get(2),
                        "ungrouped-" + ids.get(3));

        JsonNode onlyFollows = g.get("/api/v2/notifications?types[]=follow").json().get("notification_groups");
        assertThat(onlyFollows.size()).isEqualTo(1);
        assertThat(onlyFollows.get(0).get("notifications_count").asInt()).isEqualTo(3);
        JsonNode noFollows = g.get("/api/v2/notifications?exclude_types[]=follow").json().get("notification_groups");
        assertThat(noFollows.findValuesAsText("type")).containsExactly("mention");
        // account_id picks the groups with a notification from that sender; the group is still counted whole.
        JsonNode fromGf2 = g.get("/api/v2/notifications?account_id=" + people.id("gf2")).json()
                .get("notification_groups");
        assertThat(fromGf2.size()).isEqualTo(1);
        assertThat(fromGf2.get(0).get("notifications_count").asInt()).isEqualTo(2);

        JsonNode partial = g.get("/api/v2/notifications?expand_accounts=partial_avatars").json();
        assertThat(texts(partial.get("accounts").findValues("id").stream().toList()))
                .containsExactly(people.id("gm"), people.id("gf3"));
        JsonNode partials = partial.get("partial_accounts");
        assertThat(texts(partials.findValues("id").stream().toList()))
                .containsExactly(people.id("gf2"), people.id("gf1"));
        JsonNode p = partials.get(0);
        List<String> fields = new ArrayList<>();
        p.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("id", "acct", "url", "avatar", "avatar_static",
                "avatar_description", "locked", "bot");
        assertThat(p.get("acct").asText()).isEqualTo("gf2");
        assertThat(g.get("/api/v2/notifications?expand_accounts=everything").status()).isEqualTo(400);
    }

    @Test
    void pagingCutsGroupsByNotificationId() {
        // hana: follow by hf1, mention by hm, follow by hf2 — one follow group around the mention.
        people.follow("hf1", "hana");
        people.post("hm", "Hello @hana", "public");
        people.awaitNotifications("hana", 2);
        people.follow("hf2", "hana");
        JsonNode list = people.awaitNotifications("hana", 3);
        String f2 = list.get(0).get("id").asText();
        String m = list.get(1).get("id").asText();
        String f1 = list.get(2).get("id").asText();
        HttpTester h = people.as("hana");

        JsonNode whole = h.get("/api/v2/notifications").json().get("notification_groups");
        assertThat(whole.findValuesAsText("type")).containsExactly("follow", "mention");
        assertThat(whole.get(0).get("notifications_count").asInt()).isEqualTo(2);
        assertThat(whole.get(0).get("page_min_id").asText()).isEqualTo(f1);

        HttpResult first = h.get("/api/v2/notifications?limit=1");
        JsonNode g1 = first.json().get("notification_groups");
        assertThat(g1.size()).isEqualTo(1);
        assertThat(g1.get(0).get("type").asText()).isEqualTo("follow");
        assertThat(g1.get(0).get("notifications_count").asInt()).isEqualTo(2);
        assertThat(g1.get(0).get("page_min_id").asText()).isEqualTo(f2);
        assertThat(g1.get(0).get("page_max_id").asText()).isEqualTo(f2);
        assertThat(People.link(first, "next")).contains("max_id=" + f2);

        HttpResult second = h.get(People.link(first, "next"));
        assertThat(second.json().get("notification_groups").findValuesAsText("group_key"))
                .containsExactly("ungrouped-" + m);
        HttpResult third = h.get(People.link(second, "next"));
        JsonNode g3 = third.json().get("notification_groups");
        assertThat(g3.get(0).get("group_key").asText()).isEqualTo(g1.get(0).get("group_key").asText());
        assertThat(g3.get(0).get("notifications_count").asInt()).isEqualTo(1);
        assertThat(g3.get(0).get("most_recent_notification_id").asText()).isEqualTo(f1);
        HttpResult end = h.get(People.link(third, "next"));
        assertThat(end.json().get("notification_groups").size()).isZero();
        assertThat(end.json().get("accounts").size()).isZero();
        assertThat(end.header("Link")).isEmpty();

        // min_id pages upwards: right above f1 come the mention and (oldest first) the follow group's f2.
        JsonNode up = h.get("/api/v2/notifications?limit=1&min_id=" + f1).json().get("notification_groups");
        assertThat(up.findValuesAsText("group_key")).containsExactly("ungrouped-" + m);
        JsonNode up2 = h.get("/api/v2/notifications?limit=5&min_id=" + f1).json().get("notification_groups");
        assertThat(up2.findValuesAsText("type")).containsExactly("follow", "mention");
        assertThat(up2.get(0).get("page_min_id").asText()).isEqualTo(f2);
    }

    @Test
    void oneGroupItsAccountsAndDismissing() {
        List<String> ids = gwenLike("ivy");
        HttpTester ivy = people.as("ivy");
        JsonNode groups = ivy.get("/api/v2/notifications").json().get("notification_groups");
        String followKey = groups.get(1).get("group_key").asText();

        HttpResult one = ivy.get("/api/v2/notifications/" + followKey);
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        JsonNode g = one.json().get("notification_groups");
        assertThat(g.size()).isEqualTo(1);
        assertThat(g.get(0).get("notifications_count").asInt()).isEqualTo(3);
        assertThat(g.get(0).get("most_recent_notification_id").asText()).isEqualTo(ids.get(1));
        assertThat(g.get(0).has("page_min_id")).isFalse();
        assertThat(one.json().get("accounts").size()).isEqualTo(3);

        JsonNode mention = ivy.get("/api/v2/notifications/ungrouped-" + ids.get(0)).json();
        assertThat(mention.get("notification_groups").get(0).get("type").asText()).isEqualTo("mention");
        assertThat(mention.get("statuses").size()).isEqualTo(1);
        assertThat(ivy.get("/api/v2/notifications/follow-1").status()).isEqualTo(404);
        assertThat(ivy.get("/api/v2/notifications/ungrouped-abc").status()).isEqualTo(404);
        assertThat(people.as("if1").get("/api/v2/notifications/" + followKey).status()).isEqualTo(404);

        HttpResult accounts = ivy.get("/api/v2/notifications/" + followKey + "/accounts?limit=2");
        assertThat(accounts.status()).isEqualTo(200);
        assertThat(texts(accounts.json().findValues("username").stream().toList())).containsExactly("if3", "if2");
        HttpResult more = ivy.get(People.link(accounts, "next"));
        assertThat(texts(more.json().findValues("username").stream().toList())).containsExactly("if1");

        // The group count of unread: one follow group and one mention, or what is above the marker.
        assertThat(ivy.get("/api/v2/notifications/unread_count").json().get("count").asInt()).isEqualTo(2);
        ivy.postJson("/api/v1/markers", "{\"notifications\": {\"last_read_id\": \"" + ids.get(3) + "\"}}");
        assertThat(ivy.get("/api/v2/notifications/unread_count").json().get("count").asInt()).isEqualTo(2);
        assertThat(ivy.get("/api/v1/notifications/unread_count").json().get("count").asInt()).isEqualTo(3);
        assertThat(ivy.get("/api/v2/notifications/unread_count?grouped_types[]=mention").json().get("count")
                .asInt()).isEqualTo(3);
        ivy.postJson("/api/v1/markers", "{\"notifications\": {\"last_read_id\": \"" + ids.get(1) + "\"}}");
        assertThat(ivy.get("/api/v2/notifications/unread_count").json().get("count").asInt()).isEqualTo(1);

        HttpResult dismissed = ivy.post("/api/v2/notifications/" + followKey + "/dismiss");
        assertThat(dismissed.status()).isEqualTo(200);
        assertThat(ivy.get("/api/v2/notifications").json().get("notification_groups").findValuesAsText("type"))
                .containsExactly("mention");
        assertThat(ivy.post("/api/v2/notifications/nothing-here/dismiss").status()).isEqualTo(200);
        ivy.post("/api/v2/notifications/ungrouped-" + ids.get(0) + "/dismiss");
        assertThat(ivy.get("/api/v1/notifications").json().size()).isZero();
    }

    @Test
    void aBlockedSenderLeavesTheGroup() {
        gwenLike("jay");
        HttpTester jay = people.as("jay");
        people.block("jay", "jf2");
        JsonNode follows = jay.get("/api/v2/notifications?types[]=follow").json();
        JsonNode group = follows.get("notification_groups").get(0);
        assertThat(group.get("notifications_count").asInt()).isEqualTo(2);
        assertThat(texts(group.get("sample_account_ids"))).containsExactly(people.id("jf3"), people.id("jf1"));
        assertThat(follows.get("accounts").findValuesAsText("username")).doesNotContain("jf2");
        String key = group.get("group_key").asText();
        assertThat(jay.get("/api/v2/notifications/" + key + "/accounts").json().findValuesAsText("username"))
                .containsExactly("jf3", "jf1");
    }

    @Test
    void scopes() {
        assertThat(server.http().get("/api/v2/notifications").status()).isEqualTo(401);
        HttpTester readOnly = people.withScopes("ksc", "read:notifications");
        assertThat(readOnly.get("/api/v2/notifications").status()).isEqualTo(200);
        assertThat(readOnly.post("/api/v2/notifications/x/dismiss").status()).isEqualTo(403);
        assertThat(people.withScopes("ksc", "read:statuses").get("/api/v2/notifications/unread_count").status())
                .isEqualTo(403);
    }

    /** Like gwen, for another person: followed by <p>f1, <p>f2, <p>f3, then mentioned by <p>m. */
    static List<String> gwenLike(String name) {
        String p = name.substring(0, 1);
        people.follow(p + "f1", name);
        people.follow(p + "f2", name);
        people.follow(p + "f3", name);
        people.post(p + "m", "Hi @" + name, "public");
        JsonNode list = people.awaitNotifications(name, 4);
        List<String> ids = new ArrayList<>();
        list.forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static List<String> texts(List<JsonNode> nodes) {
        return nodes.stream().map(JsonNode::asText).toList();
    }
}
