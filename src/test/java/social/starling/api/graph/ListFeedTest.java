package social.starling.api.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static social.starling.api.graph.Graph.follow;
import static social.starling.api.graph.Graph.ids;
import static social.starling.api.graph.Graph.ok;
import static social.starling.api.graph.Graph.post;
import static social.starling.api.graph.Graph.reply;
import static social.starling.db.schema.Tables.LISTS;
import static social.starling.db.schema.Tables.LIST_FEED_ENTRIES;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.db.TestSql;
import social.starling.testing.ApiClient;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * List timelines are read from materialised feeds (ListFeedRepository): fan-out adds a member's new statuses by
 * the list's rules, a feed is built on the first read after anything its rules read has changed, and what fan-out
 * wrote is what a build from scratch writes. Through HTTP, with the table looked at to tell the two apart.
 */
class ListFeedTest {
    @RegisterExtension
    static TestApp server = TestApp.create().with("STARLING_FEED_MAX_ITEMS", "20");

    static ApiClient client;

    @BeforeAll
    static void setUp() {
        client = ApiClient.register(server.http(), "read write follow");
    }

    static HttpTester as(String name) {
        server.fixtures().account(name);
        return client.as(name, "read write follow");
    }

    static String createList(HttpTester owner, String policy, String... members) {
        String list = ok(owner.postJson("/api/v1/lists", "{\"title\": \"t\", \"replies_policy\": \"" + policy + "\"}"))
                .json().get("id").asText();
        ok(owner.postJson("/api/v1/lists/" + list + "/accounts",
                "{\"account_ids\": [\"" + String.join("\", \"", members) + "\"]}"));
        return list;
    }

    static List<String> timeline(HttpTester owner, String list) {
        return ids(owner.get("/api/v1/timelines/list/" + list + "?limit=40"));
    }

    /** The entries the list's feed holds, newest first; empty when it is not built. */
    static List<String> stored(String list) {
        return server.app().core().db().read(tx -> TestSql.dsl(tx).select(LIST_FEED_ENTRIES.STATUS_ID)
                .from(LIST_FEED_ENTRIES).where(LIST_FEED_ENTRIES.LIST_ID.eq(Long.parseLong(list)))
                .orderBy(LIST_FEED_ENTRIES.STATUS_ID.desc()).fetch(LIST_FEED_ENTRIES.STATUS_ID))
                .stream().map(String::valueOf).toList();
    }

    static boolean built(String list) {
        return server.app().core().db().read(tx -> TestSql.dsl(tx).fetchExists(LISTS,
                LISTS.ID.eq(Long.parseLong(list)).and(LISTS.FEED_BUILT.isTrue())));
    }

    @Test
    void fanOutAddsWhatTheRulesAdmitAndAgreesWithABuildFromScratch() {
        HttpTester owner = as("fo_owner");
        HttpTester member = as("fo_member");
        HttpTester other = as("fo_other");
        HttpTester stranger = as("fo_stranger");
        String memberId = Graph.id(member);
        follow(owner, memberId);
        follow(owner, Graph.id(other));
        String list = createList(owner, "followed", memberId);
        assertThat(built(list)).isFalse();
        assertThat(timeline(owner, list)).isEmpty();
        assertThat(built(list)).isTrue();

        String plain = post(member, "plain", "public");
        String privatePost = post(member, "followers only", "private");
        post(member, "@fo_owner a secret", "direct");
        String toOther = reply(member, "to other", post(other, "other's", "public"));
        reply(member, "to a stranger", post(stranger, "stranger's", "public"));
        String reblog = ok(member.post("/api/v1/statuses/" + post(stranger, "worth sharing", "public")
                + "/reblog")).json().get("id").asText();
        post(other, "not a member", "public");
        server.awaitDistributed();

        List<String> expected = List.of(reblog, toOther, privatePost, plain);
        assertThat(stored(list)).containsExactlyElementsOf(expected); // written by fan-out, not at read
        assertThat(timeline(owner, list)).containsExactlyElementsOf(expected);

        // A change of title unbuilds the feed too; built again from the statuses, it holds the same entries.
        ok(owner.putJson("/api/v1/lists/" + list, "{\"title\": \"renamed\"}"));
        assertThat(built(list)).isFalse();
        assertThat(stored(list)).isEmpty();
        assertThat(timeline(owner, list)).containsExactlyElementsOf(expected);
        assertThat(stored(list)).containsExactlyElementsOf(expected);
    }

    @Test
    void whatTheRulesReadChangesTheListAtOnce() {
        HttpTester owner = as("ch_owner");
        HttpTester member = as("ch_member");
        HttpTester later = as("ch_later");
        String memberId = Graph.id(member);
        follow(owner, memberId);
        String list = createList(owner, "followed", memberId);
        String plain = post(member, "plain", "public");
        String toLater = reply(member, "to someone not followed yet", post(later, "later's", "public"));
        String reblog = ok(member.post("/api/v1/statuses/" + post(later, "shared", "public") + "/reblog"))
                .json().get("id").asText();
        server.awaitDistributed();
        assertThat(timeline(owner, list)).containsExactly(reblog, plain);

        // Following the person replied to: the reply now counts for the "followed" policy.
        follow(owner, Graph.id(later));
        assertThat(timeline(owner, list)).containsExactly(reblog, toLater, plain);

        // The follow no longer shows the member's reblogs.
        ok(owner.postJson("/api/v1/accounts/" + memberId + "/follow", "{\"reblogs\": false}"));
        assertThat(timeline(owner, list)).containsExactly(toLater, plain);

        // Replies policy "none": no reply to others.
        ok(owner.putJson("/api/v1/lists/" + list, "{\"title\": \"t\", \"replies_policy\": \"none\"}"));
        assertThat(timeline(owner, list)).containsExactly(plain);

        // A member removed takes their statuses along; added back, they return.
        ok(owner.send("DELETE", "/api/v1/lists/" + list + "/accounts", java.util.Map.of("Content-Type",
                "application/json"), "{\"account_ids\": [\"" + memberId + "\"]}"));
        assertThat(timeline(owner, list)).isEmpty();
        ok(owner.postJson("/api/v1/lists/" + list + "/accounts", "{\"account_ids\": [\"" + memberId + "\"]}"));
        assertThat(timeline(owner, list)).containsExactly(plain);

        // A status deleted leaves the feed's page at once (its entry goes when the feed is trimmed or rebuilt).
        ok(member.delete("/api/v1/statuses/" + plain));
        assertThat(timeline(owner, list)).isEmpty();

        // Unfollowing takes the member out of the list, and so their statuses.
        String again = post(member, "again", "public");
        server.awaitDistributed();
        assertThat(timeline(owner, list)).containsExactly(again);
        ok(owner.post("/api/v1/accounts/" + memberId + "/unfollow"));
        assertThat(timeline(owner, list)).isEmpty();
    }

    @Test
    void trimKeepsTheNewestEntriesOfEachListAndABuildTakesNoMore() {
        HttpTester owner = as("tr_owner");
        HttpTester member = as("tr_member");
        String memberId = Graph.id(member);
        follow(owner, memberId);
        String list = createList(owner, "list", memberId);
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            posted.add(post(member, "post " + i, "public"));
        }
        List<String> newest = posted.subList(3, 23).reversed();
        assertThat(timeline(owner, list)).containsExactlyElementsOf(newest); // built: 20 at most
        for (int i = 0; i < 4; i++) {
            posted.add(post(member, "more " + i, "public"));
        }
        server.awaitDistributed();
        assertThat(stored(list)).hasSize(24);

        assertThat(server.app().graph().listTimeline().trim()).isEqualTo(4);

        assertThat(stored(list)).containsExactlyElementsOf(posted.subList(7, 27).reversed());
        assertThat(server.app().graph().listTimeline().trim()).isZero();
    }
}
