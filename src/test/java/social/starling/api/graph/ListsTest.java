package social.starling.api.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static social.starling.api.graph.Graph.follow;
import static social.starling.api.graph.Graph.homeIds;
import static social.starling.api.graph.Graph.ids;
import static social.starling.api.graph.Graph.link;
import static social.starling.api.graph.Graph.ok;
import static social.starling.api.graph.Graph.post;
import static social.starling.api.graph.Graph.reply;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.Golden;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/** Lists, their members and the list timeline, through HTTP. */
class ListsTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    static ApiClient client;

    @BeforeAll
    static void setUp() {
        client = ApiClient.register(server.http(), "read write follow");
    }

    static HttpTester as(String name) {
        server.fixtures().account(name);
        return client.as(name, "read write follow");
    }

    static String createList(HttpTester who, String json) {
        return ok(who.postJson("/api/v1/lists", json)).json().get("id").asText();
    }

    @Test
    void createShowUpdateAndDelete() {
        HttpTester alice = as("alice");
        HttpResult created = ok(alice.postJson("/api/v1/lists", "{\"title\": \"Friends\"}"));
        Golden.assertMatches("list.json", created.body());
        String id = created.json().get("id").asText();
        assertThat(created.json().get("replies_policy").asText()).isEqualTo("list");
        assertThat(created.json().get("exclusive").asBoolean()).isFalse();
        String second = ok(alice.postForm("/api/v1/lists", Map.of("title", "Work", "replies_policy", "none",
                "exclusive", "true"))).json().get("id").asText();

        assertThat(ids(alice.get("/api/v1/lists"))).containsExactly(id, second);
        assertThat(ok(alice.get("/api/v1/lists/" + second)).json().get("replies_policy").asText()).isEqualTo("none");
        JsonNode updated = ok(alice.putJson("/api/v1/lists/" + id, "{\"replies_policy\": \"followed\"}")).json();
        assertThat(updated.get("title").asText()).isEqualTo("Friends");
        assertThat(updated.get("replies_policy").asText()).isEqualTo("followed");
        updated = ok(alice.putJson("/api/v1/lists/" + id, "{\"title\": \"Pals\", \"exclusive\": true}")).json();
        assertThat(updated.get("title").asText()).isEqualTo("Pals");
        assertThat(updated.get("exclusive").asBoolean()).isTrue();
        assertThat(updated.get("replies_policy").asText()).isEqualTo("followed");

        assertThat(ok(alice.delete("/api/v1/lists/" + second)).body()).isEqualTo("{}");
        assertThat(alice.get("/api/v1/lists/" + second).status()).isEqualTo(404);
        assertThat(ids(alice.get("/api/v1/lists"))).containsExactly(id);
    }

    @Test
    void validationAndOwnership() {
        HttpTester bob = as("bob");
        HttpTester eve = as("eve");
        String list = createList(bob, "{\"title\": \"Mine\"}");
        for (String body : new String[] {"{}", "{\"title\": \"  \"}", "{\"title\": \"x\", \"replies_policy\": \"all\"}",
                "{\"title\": \"" + "t".repeat(256) + "\"}"}) {
            HttpResult r = bob.postJson("/api/v1/lists", body);
            assertThat(r.status()).as(body).isEqualTo(422);
            assertThat(r.json().get("error").asText()).startsWith("Validation failed: ");
        }
        assertThat(bob.postJson("/api/v1/lists", "{}").json().get("error").asText())
                .isEqualTo("Validation failed: Title can't be blank");
        assertThat(bob.putJson("/api/v1/lists/" + list, "{\"title\": \"\"}").status()).isEqualTo(422);
        assertThat(bob.putJson("/api/v1/lists/" + list, "{\"replies_policy\": \"x\"}").status()).isEqualTo(422);
        assertThat(ok(bob.get("/api/v1/lists/" + list)).json().get("title").asText()).isEqualTo("Mine");
        assertThat(ids(bob.get("/api/v1/lists"))).containsExactly(list);

        // Someone else's list does not exist, whatever one does with it.
        assertThat(eve.get("/api/v1/lists/" + list).status()).isEqualTo(404);
        assertThat(eve.putJson("/api/v1/lists/" + list, "{\"title\": \"Hijacked\"}").status()).isEqualTo(404);
        assertThat(eve.delete("/api/v1/lists/" + list).status()).isEqualTo(404);
        assertThat(eve.get("/api/v1/lists/" + list + "/accounts").status()).isEqualTo(404);
        assertThat(eve.postJson("/api/v1/lists/" + list + "/accounts", "{\"account_ids\": []}").status())
                .isEqualTo(404);
        assertThat(eve.get("/api/v1/timelines/list/" + list).status()).isEqualTo(404);
        assertThat(ids(eve.get("/api/v1/lists"))).isEmpty();
        assertThat(ok(bob.get("/api/v1/lists/" + list)).json().get("title").asText()).isEqualTo("Mine");
        assertThat(bob.get("/api/v1/lists/12345").status()).isEqualTo(404);
        assertThat(bob.get("/api/v1/lists/abc").status()).isEqualTo(404);
        assertThat(client.as("bob", "read").postJson("/api/v1/lists", "{\"title\": \"x\"}").status()).isEqualTo(403);
        assertThat(client.as("bob", "write").get("/api/v1/lists").status()).isEqualTo(403);
        assertThat(client.as("bob", "read:lists").get("/api/v1/timelines/list/" + list).status()).isEqualTo(200);
    }

    @Test
    void membersMustBeFollowedAndAreAddedAllOrNothing() {
        HttpTester carol = as("carol");
        String carolId = Graph.id(carol);
        String m1 = Graph.id(as("mem1"));
        String m2 = Graph.id(as("mem2"));
        String stranger = Graph.id(as("stranger"));
        follow(carol, m1);
        follow(carol, m2);
        String list = createList(carol, "{\"title\": \"Members\"}");
        String base = "/api/v1/lists/" + list + "/accounts";

        HttpResult notFollowed = carol.postJson(base, "{\"account_ids\": [\"" + m1 + "\", \"" + stranger + "\"]}");
        assertThat(notFollowed.status()).isEqualTo(422);
        assertThat(notFollowed.json().get("error").asText())
                .isEqualTo("Validation failed: Account has not been followed");
        assertThat(carol.postJson(base, "{\"account_ids\": [\"" + m1 + "\", \"999999\"]}").status()).isEqualTo(404);
        assertThat(ids(carol.get(base))).isEmpty();

        ok(carol.postForm(base, Map.of("account_ids[]", m1)));
        ok(carol.postJson(base, "{\"account_ids\": [\"" + m2 + "\", \"" + carolId + "\"]}"));
        assertThat(carol.postJson(base, "{\"account_ids\": [\"" + m2 + "\"]}").json().get("error").asText())
                .isEqualTo("Validation failed: Account has already been taken");
        // Newest account first: Mastodon pages list.accounts by account id.
        assertThat(ids(carol.get(base))).containsExactly(m2, m1, carolId);
        HttpResult page = carol.get(base + "?limit=2");
        assertThat(ids(page)).containsExactly(m2, m1);
        assertThat(ids(carol.get(link(page, "next")))).containsExactly(carolId);
        HttpResult unlimited = carol.get(base + "?limit=0");
        assertThat(ids(unlimited)).hasSize(3);
        assertThat(unlimited.header("Link")).isEmpty();

        assertThat(ids(carol.get("/api/v1/accounts/" + m1 + "/lists"))).containsExactly(list);
        assertThat(ids(carol.get("/api/v1/accounts/" + stranger + "/lists"))).isEmpty();
        assertThat(carol.get("/api/v1/accounts/999999/lists").status()).isEqualTo(404);

        assertThat(ok(carol.send("DELETE", base, Map.of("Content-Type", "application/json"),
                "{\"account_ids\": [\"" + carolId + "\"]}")).body()).isEqualTo("{}");
        // Unfollowing (or blocking) takes the account out of one's lists.
        ok(carol.post("/api/v1/accounts/" + m1 + "/unfollow"));
        assertThat(ids(carol.get(base))).containsExactly(m2);
        ok(carol.post("/api/v1/accounts/" + m2 + "/block"));
        assertThat(ids(carol.get(base))).isEmpty();
    }

    @Test
    void listTimelineFollowsRepliesPolicy() {
        HttpTester owner = as("lister");
        HttpTester member = as("member");
        HttpTester other = as("other");
        HttpTester outsider = as("outsider");
        String memberId = Graph.id(member);
        String otherId = Graph.id(other);
        follow(owner, memberId);
        follow(owner, otherId);

        String followedPolicy = createList(owner, "{\"title\": \"f\", \"replies_policy\": \"followed\"}");
        String listPolicy = createList(owner, "{\"title\": \"l\", \"replies_policy\": \"list\"}");
        String nonePolicy = createList(owner, "{\"title\": \"n\", \"replies_policy\": \"none\"}");
        for (String l : List.of(followedPolicy, listPolicy, nonePolicy)) {
            ok(owner.postJson("/api/v1/lists/" + l + "/accounts", "{\"account_ids\": [\"" + memberId + "\"]}"));
        }

        String plain = post(member, "plain post", "public");
        String privatePost = post(member, "for followers", "private");
        String direct = post(member, "@lister psst", "direct");
        String otherPost = post(other, "not in the list", "public");
        String outsiderPost = post(outsider, "stranger", "public");
        String toSelf = reply(member, "continuing", plain);
        String toOwner = reply(member, "answering the owner", post(owner, "question", "public"));
        String toOther = reply(member, "answering other", otherPost);
        String toOutsider = reply(member, "answering a stranger", outsiderPost);

        assertThat(ids(owner.get("/api/v1/timelines/list/" + followedPolicy)))
                .containsExactly(toOther, toOwner, toSelf, privatePost, plain);
        assertThat(ids(owner.get("/api/v1/timelines/list/" + nonePolicy)))
                .containsExactly(toOwner, toSelf, privatePost, plain);
        assertThat(ids(owner.get("/api/v1/timelines/list/" + listPolicy)))
                .containsExactly(toOwner, toSelf, privatePost, plain);
        // With "other" in the list, replies to them count for the "list" policy.
        ok(owner.postJson("/api/v1/lists/" + listPolicy + "/accounts", "{\"account_ids\": [\"" + otherId + "\"]}"));
        assertThat(ids(owner.get("/api/v1/timelines/list/" + listPolicy)))
                .containsExactly(toOther, toOwner, toSelf, otherPost, privatePost, plain);
        assertThat(ids(owner.get("/api/v1/timelines/list/" + listPolicy))).doesNotContain(direct, toOutsider);

        // Paging with Link headers.
        HttpResult first = owner.get("/api/v1/timelines/list/" + listPolicy + "?limit=4");
        assertThat(ids(first)).containsExactly(toOther, toOwner, toSelf, otherPost);
        String next = link(first, "next");
        assertThat(next).contains("/api/v1/timelines/list/" + listPolicy + "?").contains("limit=4");
        assertThat(ids(owner.get(next))).containsExactly(privatePost, plain);
        assertThat(ids(owner.get("/api/v1/timelines/list/" + listPolicy + "?min_id=" + plain + "&limit=2")))
                .containsExactly(otherPost, privatePost);

        // Muting a member hides them from the list timeline too.
        ok(owner.post("/api/v1/accounts/" + otherId + "/mute"));
        assertThat(ids(owner.get("/api/v1/timelines/list/" + listPolicy))).doesNotContain(otherPost)
                .contains(toOther);
        ok(owner.post("/api/v1/accounts/" + otherId + "/unmute"));
        assertThat(ids(owner.get("/api/v1/timelines/list/" + listPolicy))).contains(otherPost);
    }

    /**
     * Each member's statuses are read a page at a time (ListRepository): with three members who each posted more
     * than a page, interleaved, walking the list timeline by its next links returns every status once, newest
     * first, and walking back from the oldest by prev links (min_id) returns them oldest-page first.
     */
    @Test
    void pagesInterleaveMembersWhoEachPostedMoreThanAPage() {
        HttpTester owner = as("pager");
        List<HttpTester> members = List.of(as("ann"), as("ben"), as("cyd"));
        String list = createList(owner, "{\"title\": \"three\", \"replies_policy\": \"list\"}");
        for (HttpTester m : members) {
            follow(owner, Graph.id(m));
            ok(owner.postJson("/api/v1/lists/" + list + "/accounts",
                    "{\"account_ids\": [\"" + Graph.id(m) + "\"]}"));
        }
        List<String> posted = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            for (HttpTester m : members) {
                posted.add(post(m, "round " + round, "public"));
            }
        }
        List<String> newestFirst = new ArrayList<>(posted);
        java.util.Collections.reverse(newestFirst);

        // Every page is full (four) while statuses remain: 15 = 4 + 4 + 4 + 3.
        List<String> walked = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        HttpResult page = owner.get("/api/v1/timelines/list/" + list + "?limit=4");
        while (!ids(page).isEmpty()) {
            sizes.add(ids(page).size());
            walked.addAll(ids(page));
            page = owner.get(link(page, "next"));
        }
        assertThat(walked).containsExactlyElementsOf(newestFirst);
        assertThat(sizes).containsExactly(4, 4, 4, 3);

        // From the oldest upwards: each page is the next four, newest first within the page.
        List<String> back = new ArrayList<>();
        List<Integer> backSizes = new ArrayList<>();
        String after = posted.getFirst();
        back.add(after);
        while (true) {
            List<String> ids = ids(owner.get("/api/v1/timelines/list/" + list + "?min_id=" + after + "&limit=4"));
            if (ids.isEmpty()) {
                break;
            }
            backSizes.add(ids.size());
            List<String> ascending = new ArrayList<>(ids);
            java.util.Collections.reverse(ascending);
            back.addAll(ascending);
            after = ids.getFirst();
        }
        assertThat(back).containsExactlyElementsOf(posted);
        assertThat(backSizes).containsExactly(4, 4, 4, 2);
    }

    @Test
    void exclusiveListsKeepMembersOutOfHome() {
        HttpTester reader = as("reader");
        HttpTester loud = as("loud");
        HttpTester quiet = as("quiet");
        String loudId = Graph.id(loud);
        String quietId = Graph.id(quiet);
        follow(reader, loudId);
        follow(reader, quietId);
        String list = createList(reader, "{\"title\": \"Loud ones\", \"exclusive\": true}");
        ok(reader.postJson("/api/v1/lists/" + list + "/accounts", "{\"account_ids\": [\"" + loudId + "\"]}"));

        List<String> loudPosts = new ArrayList<>();
        loudPosts.add(post(loud, "LOUD", "public"));
        String quietPost = post(quiet, "quiet", "public");
        Await.until(() -> homeIds(reader).contains(quietPost));
        assertThat(homeIds(reader)).doesNotContainAnyElementsOf(loudPosts);
        assertThat(ids(reader.get("/api/v1/timelines/list/" + list))).containsExactlyElementsOf(loudPosts);
    }
}
