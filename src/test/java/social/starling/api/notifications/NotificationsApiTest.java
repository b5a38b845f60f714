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

/** GET /api/v1/notifications and friends, with notifications made for real (mentions, follows, requests, posts). */
class NotificationsApiTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    static People people;

    @BeforeAll
    static void setUp() {
        people = new People(server);
    }

    @Test
    void aMentionIsANotificationWithItsStatus() {
        people.as("nina");
        String statusId = people.post("otto", "Hello @nina, how are you?", "public");
        JsonNode list = people.awaitNotifications("nina", 1);
        JsonNode n = list.get(0);
        assertThat(n.get("type").asText()).isEqualTo("mention");
        assertThat(n.get("group_key").asText()).isEqualTo("ungrouped-" + n.get("id").asText());
        assertThat(n.get("account").get("id").asText()).isEqualTo(people.id("otto"));
        assertThat(n.get("status").get("id").asText()).isEqualTo(statusId);

        HttpResult one = people.as("nina").get("/api/v1/notifications/" + n.get("id").asText());
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(one.json()).isEqualTo(n);
        Golden.assertMatches("notification.json", one.body());

        // Someone else's notification, an unknown id and a non-numeric id are all 404.
        assertThat(people.as("otto").get("/api/v1/notifications/" + n.get("id").asText()).status()).isEqualTo(404);
        assertThat(people.as("nina").get("/api/v1/notifications/1").status()).isEqualTo(404);
        assertThat(people.as("nina").get("/api/v1/notifications/abc").status()).isEqualTo(404);
    }

    @Test
    void noMentionWhenTheStatusAlsoNamesOrAnswersSomeoneTheRecipientShuns() {
        people.as("xena");
        people.block("mia", "vic");
        people.mute("mia", "walt", false);
        // Mentioning someone mia blocks, or answering someone she mutes: no notification for her (Mastodon's
        // FeedManager#filter_from_mentions?); the others named are notified as usual.
        people.post("uma", "@mia @vic @xena hello all", "public");
        String waltsPost = people.post("walt", "a thought", "public");
        HttpResult reply = people.as("uma").postJson("/api/v1/statuses", "{\"status\": \"@walt @mia agreed\", "
                + "\"in_reply_to_id\": \"" + waltsPost + "\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        people.awaitNotifications("xena", 1);
        people.awaitNotifications("walt", 1);
        String fine = people.post("uma", "@mia just you", "public");
        JsonNode mias = people.awaitNotifications("mia", 1);
        assertThat(mias).hasSize(1);
        assertThat(mias.get(0).get("status").get("id").asText()).isEqualTo(fine);
    }

    @Test
    void followsFollowRequestsAndNewPostsNotify() {
        HttpResult locked = people.as("lena").patchJson("/api/v1/accounts/update_credentials", "{\"locked\": true}");
        assertThat(locked.status()).as(locked.body()).isEqualTo(200);
        people.follow("rick", "lena");
        JsonNode request = people.awaitNotifications("lena", 1).get(0);
        assertThat(request.get("type").asText()).isEqualTo("follow_request");
        assertThat(request.get("account").get("id").asText()).isEqualTo(people.id("rick"));
        assertThat(request.has("status")).isFalse();

        HttpResult subscribe = people.as("sam").postJson("/api/v1/accounts/" + people.id("paul") + "/follow",
                "{\"notify\": true}");
        assertThat(subscribe.status()).as(subscribe.body()).isEqualTo(200);
        JsonNode follow = people.awaitNotifications("paul", 1).get(0);
        assertThat(follow.get("type").asText()).isEqualTo("follow");
        assertThat(follow.get("group_key").asText()).startsWith("follow-");

        String statusId = people.post("paul", "Something new", "public");
        JsonNode status = people.awaitNotifications("sam", 1).get(0);
        assertThat(status.get("type").asText()).isEqualTo("status");
        assertThat(status.get("status").get("id").asText()).isEqualTo(statusId);
        assertThat(status.get("account").get("id").asText()).isEqualTo(people.id("paul"));
    }

    @Test
    void filtersByTypeAndSender() {
        people.follow("fa1", "rita");
        people.follow("fa2", "rita");
        people.post("fa1", "@rita one", "public");
        people.post("fa1", "@rita two", "public");
        people.awaitNotifications("rita", 4);
        HttpTester rita = people.as("rita");

        assertThat(types(rita.get("/api/v1/notifications?types[]=mention"))).containsExactly("mention", "mention");
        assertThat(types(rita.get("/api/v1/notifications?exclude_types[]=mention"))).containsExactly("follow", "follow");
        assertThat(types(rita.get("/api/v1/notifications?types[]=follow&types[]=mention&exclude_types[]=mention")))
                .containsExactly("follow", "follow");
        assertThat(types(rita.get("/api/v1/notifications?types[]=admin.sign_up"))).isEmpty();
        assertThat(types(rita.get("/api/v1/notifications?types[]=favourite&exclude_types[]=favourite"))).isEmpty();
        assertThat(types(rita.get("/api/v1/notifications?account_id=" + people.id("fa1"))))
                .containsExactly("mention", "mention", "follow");
        assertThat(types(rita.get("/api/v1/notifications?account_id=" + people.id("fa2")))).containsExactly("follow");
        assertThat(types(rita.get("/api/v1/notifications?account_id=nobody"))).isEmpty();
    }

    @Test
    void pagesWithLinkHeaders() {
        for (String f : List.of("pg1", "pg2", "pg3", "pg4", "pg5")) {
            people.follow(f, "pia");
        }
        JsonNode all = people.awaitNotifications("pia", 5);
        List<String> ids = new ArrayList<>();
        all.forEach(n -> ids.add(n.get("id").asText()));
        assertThat(ids).isSortedAccordingTo((a, b) -> Long.compare(Long.parseLong(b), Long.parseLong(a)));
        HttpTester pia = people.as("pia");

        HttpResult first = pia.get("/api/v1/notifications?limit=2&types[]=follow");
        assertThat(idsOf(first)).containsExactly(ids.get(0), ids.get(1));
        String next = People.link(first, "next");
        assertThat(next).contains("max_id=" + ids.get(1)).contains("types[]=follow").contains("limit=2");
        assertThat(People.link(first, "prev")).contains("min_id=" + ids.get(0));

        HttpResult second = pia.get(next);
        assertThat(idsOf(second)).containsExactly(ids.get(2), ids.get(3));
        HttpResult third = pia.get(People.link(second, "next"));
        assertThat(idsOf(third)).containsExactly(ids.get(4));
        HttpResult end = pia.get(People.link(third, "next"));
        assertThat(end.json().size()).isZero();
        assertThat(end.header("Link")).isEmpty();

        // prev from the second page is the page right above it; min_id walks upwards from the given id.
        assertThat(idsOf(pia.get(People.link(second, "prev")))).containsExactly(ids.get(0), ids.get(1));
        assertThat(idsOf(pia.get("/api/v1/notifications?limit=2&min_id=" + ids.get(4))))
                .containsExactly(ids.get(2), ids.get(3));
        assertThat(idsOf(pia.get("/api/v1/notifications?limit=2&since_id=" + ids.get(4))))
                .containsExactly(ids.get(0), ids.get(1));
        assertThat(idsOf(pia.get("/api/v1/notifications?max_id=" + ids.get(0) + "&since_id=" + ids.get(3))))
                .containsExactly(ids.get(1), ids.get(2));
        // limit is clamped to 80 and at least 1; a non-number is a 400.
        assertThat(idsOf(pia.get("/api/v1/notifications?limit=500"))).hasSize(5);
        assertThat(idsOf(pia.get("/api/v1/notifications?limit=0"))).hasSize(1);
        assertThat(pia.get("/api/v1/notifications?limit=lots").status()).isEqualTo(400);
    }

    @Test
    void dismissAndClear() {
        people.follow("dx1", "dora");
        people.follow("dx2", "dora");
        JsonNode list = people.awaitNotifications("dora", 2);
        String newest = list.get(0).get("id").asText();
        HttpTester dora = people.as("dora");

        assertThat(people.as("dx1").post("/api/v1/notifications/" + newest + "/dismiss").status()).isEqualTo(404);
        HttpResult dismissed = dora.post("/api/v1/notifications/" + newest + "/dismiss");
        assertThat(dismissed.status()).as(dismissed.body()).isEqualTo(200);
        assertThat(dismissed.json().isObject() && dismissed.json().isEmpty()).isTrue();
        assertThat(idsOf(dora.get("/api/v1/notifications"))).containsExactly(list.get(1).get("id").asText());
        assertThat(dora.post("/api/v1/notifications/" + newest + "/dismiss").status()).isEqualTo(404);
        assertThat(dora.get("/api/v1/notifications/" + newest).status()).isEqualTo(404);

        HttpResult cleared = dora.post("/api/v1/notifications/clear");
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(dora.get("/api/v1/notifications").json().size()).isZero();
    }

    @Test
    void unreadCountFollowsTheMarker() {
        for (String f : List.of("uc1", "uc2", "uc3")) {
            people.follow(f, "uma");
        }
        JsonNode list = people.awaitNotifications("uma", 3);
        HttpTester uma = people.as("uma");
        assertThat(count(uma.get("/api/v1/notifications/unread_count"))).isEqualTo(3);
        assertThat(count(uma.get("/api/v1/notifications/unread_count?limit=2"))).isEqualTo(2);
        assertThat(count(uma.get("/api/v1/notifications/unread_count?types[]=mention"))).isZero();

        HttpResult marker = uma.postJson("/api/v1/markers",
                "{\"notifications\": {\"last_read_id\": \"" + list.get(1).get("id").asText() + "\"}}");
        assertThat(marker.status()).as(marker.body()).isEqualTo(200);
        assertThat(count(uma.get("/api/v1/notifications/unread_count"))).isEqualTo(1);
        assertThat(count(uma.get("/api/v1/notifications/unread_count?account_id=" + people.id("uc3")))).isEqualTo(1);
        assertThat(count(uma.get("/api/v1/notifications/unread_count?account_id=" + people.id("uc1")))).isZero();
        // The grouped count counts groups: the one follow group above the marker.
        assertThat(count(uma.get("/api/v2/notifications/unread_count"))).isEqualTo(1);

        uma.postJson("/api/v1/markers", "{\"notifications\": {\"last_read_id\": \"" + list.get(0).get("id").asText()
                + "\"}}");
        assertThat(count(uma.get("/api/v1/notifications/unread_count"))).isZero();
    }

    @Test
    void blockedAndMutedSendersDisappear() {
        people.follow("blk", "bea");
        people.post("blk", "@bea hello from blk", "public");
        people.follow("mut", "bea");
        people.post("soft", "@bea hello from soft", "public");
        people.follow("blocker", "bea");
        people.awaitNotifications("bea", 5);
        HttpTester bea = people.as("bea");
        String blkFollow = bea.get("/api/v1/notifications?account_id=" + people.id("blk") + "&types[]=follow")
                .json().get(0).get("id").asText();

        people.block("bea", "blk");
        people.mute("bea", "mut", true);
        people.mute("bea", "soft", false);
        people.block("blocker", "bea");

        JsonNode left = bea.get("/api/v1/notifications").json();
        assertThat(left.size()).isEqualTo(1);
        assertThat(left.get(0).get("account").get("id").asText()).isEqualTo(people.id("soft"));
        assertThat(left.get(0).get("status")).isNotNull();
        assertThat(bea.get("/api/v1/notifications/" + blkFollow).status()).isEqualTo(404);
        assertThat(count(bea.get("/api/v1/notifications/unread_count"))).isEqualTo(1);
        assertThat(bea.get("/api/v2/notifications").json().get("notification_groups").size()).isEqualTo(1);

        people.unblock("bea", "blk");
        assertThat(bea.get("/api/v1/notifications").json().size()).isEqualTo(3);
    }

    @Test
    void notificationsAboutStatusesNoLongerVisibleAreSkippedAndThePageStillFills() {
        // hal was told of 45 followers-only posts by noisy (as when following with notify), then stopped following:
        // he may no longer see those posts, so their notifications are left out, and the first page, which has to
        // read past all of them, still reaches the two follows below.
        people.follow("early1", "hal");
        people.follow("early2", "hal");
        people.awaitNotifications("hal", 2);
        var app = server.app();
        long hal = Long.parseLong(people.id("hal"));
        long noisy = Long.parseLong(people.id("noisy"));
        for (int i = 0; i < 45; i++) {
            long statusId = Long.parseLong(people.post("noisy", "for followers " + i, "private"));
            app.core().db().inTransaction(tx -> app.statuses().notifier().notify(tx, hal, noisy,
                    social.starling.model.NotificationType.STATUS, statusId));
        }
        HttpResult page = people.as("hal").get("/api/v1/notifications?limit=2");
        assertThat(topLevel(page.json(), "type")).containsExactly("follow", "follow");
        assertThat(count(people.as("hal").get("/api/v1/notifications/unread_count"))).isEqualTo(2);

        people.follow("hal", "noisy");
        assertThat(topLevel(people.as("hal").get("/api/v1/notifications?limit=2").json(), "type"))
                .containsExactly("status", "status");
    }

    @Test
    void scopesAndTokens() {
        assertThat(server.http().get("/api/v1/notifications").status()).isEqualTo(401);
        assertThat(people.withScopes("sco", "read:statuses").get("/api/v1/notifications").status()).isEqualTo(403);
        HttpTester readOnly = people.withScopes("sco", "read:notifications");
        assertThat(readOnly.get("/api/v1/notifications").status()).isEqualTo(200);
        assertThat(readOnly.post("/api/v1/notifications/clear").status()).isEqualTo(403);
    }

    static List<String> types(HttpResult r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return topLevel(r.json(), "type");
    }

    static List<String> idsOf(HttpResult r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return topLevel(r.json(), "id");
    }

    static List<String> topLevel(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    static int count(HttpResult r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("count").asInt();
    }
}
