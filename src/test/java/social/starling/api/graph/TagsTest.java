package social.starling.api.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static social.starling.api.graph.Graph.follow;
import static social.starling.api.graph.Graph.homeIds;
import static social.starling.api.graph.Graph.ids;
import static social.starling.api.graph.Graph.link;
import static social.starling.api.graph.Graph.ok;
import static social.starling.api.graph.Graph.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.model.Account;
import social.starling.testing.ApiClient;
import social.starling.testing.Golden;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.MutableClock;
import social.starling.testing.TestApp;

/**
 * Hashtags: showing one with its history, following it (and its statuses reaching the home feed), followed tags,
 * and the hashtag timeline. The clock is fixed so the history's days are known.
 */
class TagsTest {
    static final Instant START = Instant.parse("2026-03-10T12:00:00Z");
    /** Starts three days early; only {@link #showFollowAndHistory} moves it, forwards (ids never go back). */
    static final MutableClock clock = new MutableClock(START.minus(Duration.ofDays(3)));

    @RegisterExtension
    static TestApp server = TestApp.create().withClock(clock);

    static ApiClient client;

    @BeforeAll
    static void setUp() {
        client = ApiClient.register(server.http(), "read write follow");
    }

    static HttpTester as(String name) {
        server.fixtures().account(name);
        return client.as(name, "read write follow");
    }

    @Test
    void showFollowAndHistory() {
        HttpTester alice = as("alice");
        HttpTester bob = as("bob");
        // Three days ago: two uses by alice, one by bob; a private use does not count. Today: one by bob.
        post(alice, "#History one", "public");
        post(alice, "#history two", "unlisted");
        post(bob, "#HISTORY three", "public");
        post(bob, "#history hidden", "private");
        clock.set(START);
        post(bob, "#history today", "public");

        HttpResult shown = ok(server.http().get("/api/v1/tags/history"));
        JsonNode tag = shown.json();
        assertThat(tag.get("name").asText()).isEqualTo("History");
        assertThat(tag.get("url").asText()).isEqualTo(server.baseUrl() + "/tags/history");
        assertThat(tag.has("following")).isFalse();
        JsonNode history = tag.get("history");
        assertThat(history).hasSize(7);
        assertThat(history.get(0).get("day").asText()).isEqualTo(Long.toString(Instant.parse("2026-03-10T00:00:00Z")
                .getEpochSecond()));
        assertThat(history.get(6).get("day").asText()).isEqualTo(Long.toString(Instant.parse("2026-03-04T00:00:00Z")
                .getEpochSecond()));
        assertThat(history.get(0).get("uses").asText()).isEqualTo("1");
        assertThat(history.get(0).get("accounts").asText()).isEqualTo("1");
        assertThat(history.get(3).get("uses").asText()).isEqualTo("3");
        assertThat(history.get(3).get("accounts").asText()).isEqualTo("2");
        assertThat(history.get(1).get("uses").asText()).isEqualTo("0");

        HttpResult followed = ok(alice.post("/api/v1/tags/History/follow"));
        Golden.assertMatches("tag.json", followed.body());
        assertThat(followed.json().get("following").asBoolean()).isTrue();
        ok(alice.post("/api/v1/tags/history/follow")); // idempotent
        assertThat(ok(alice.get("/api/v1/tags/HISTORY")).json().get("following").asBoolean()).isTrue();
        assertThat(ok(bob.get("/api/v1/tags/history")).json().get("following").asBoolean()).isFalse();
        assertThat(ok(alice.post("/api/v1/tags/history/unfollow")).json().get("following").asBoolean()).isFalse();
        assertThat(ok(alice.post("/api/v1/tags/history/unfollow")).json().get("following").asBoolean()).isFalse();
    }

    @Test
    void unknownAndInvalidTags() {
        HttpTester carol = as("carol");
        JsonNode unused = ok(carol.get("/api/v1/tags/NeverUsed")).json();
        assertThat(unused.get("id").asText()).isEmpty();
        assertThat(unused.get("name").asText()).isEqualTo("NeverUsed");
        assertThat(unused.get("following").asBoolean()).isFalse();
        assertThat(unused.get("history")).hasSize(7);
        assertThat(unused.get("history").get(0).get("uses").asText()).isEqualTo("0");
        assertThat(ok(carol.post("/api/v1/tags/unfollowedNever/unfollow")).json().get("id").asText()).isEmpty();

        for (String bad : List.of("123", "no-dash", "sp%20ace", "%23hash", "a.b")) {
            assertThat(server.http().get("/api/v1/tags/" + bad).status()).as(bad).isEqualTo(404);
            assertThat(carol.post("/api/v1/tags/" + bad + "/follow").status()).as(bad).isEqualTo(404);
        }
        assertThat(ok(carol.get("/api/v1/followed_tags")).json()).isEmpty();
        assertThat(server.http().post("/api/v1/tags/cats/follow").status()).isEqualTo(401);
        assertThat(client.as("carol", "read").post("/api/v1/tags/cats/follow").status()).isEqualTo(403);
        assertThat(client.as("carol", "write").get("/api/v1/followed_tags").status()).isEqualTo(403);
        assertThat(client.as("carol", "read:follows").get("/api/v1/followed_tags").status()).isEqualTo(200);
    }

    @Test
    void followedTagsArePagedByFollowId() {
        HttpTester dora = as("dora");
        List<String> names = List.of("first", "Second", "third");
        List<String> tagIds = new ArrayList<>();
        for (String name : names) {
            tagIds.add(ok(dora.post("/api/v1/tags/" + name + "/follow")).json().get("id").asText());
        }
        HttpResult page = ok(dora.get("/api/v1/followed_tags?limit=2"));
        assertThat(ids(page)).containsExactly(tagIds.get(2), tagIds.get(1));
        assertThat(page.json().get(1).get("name").asText()).isEqualTo("Second");
        assertThat(page.json().get(1).get("following").asBoolean()).isTrue();
        assertThat(page.json().get(1).get("history")).hasSize(7);
        HttpResult rest = ok(dora.get(link(page, "next")));
        assertThat(ids(rest)).containsExactly(tagIds.get(0));
        assertThat(ids(dora.get(link(rest, "prev")))).containsExactly(tagIds.get(2), tagIds.get(1));
    }

    @Test
    void publicStatusesWithAFollowedTagReachTheHomeFeed() {
        HttpTester fan = as("fan");
        HttpTester poster = as("poster");
        HttpTester rude = as("rude");
        ok(fan.post("/api/v1/tags/coffee/follow"));
        ok(fan.post("/api/v1/accounts/" + Graph.id(rude) + "/block"));

        String publicPost = post(poster, "morning #Coffee", "public");
        String unlisted = post(poster, "quiet #coffee", "unlisted");
        String blocked = post(rude, "rude #coffee", "public");
        String other = post(poster, "no tag at all", "public");
        String marker = post(fan, "marker", "public");
        server.awaitDistributed();
        assertThat(homeIds(fan)).contains(publicPost, marker).doesNotContain(unlisted, blocked, other);

        // Following the author too changes nothing (no duplicates); unfollowing the tag stops delivery.
        ok(fan.post("/api/v1/tags/coffee/unfollow"));
        String after = post(poster, "more #coffee", "public");
        String marker2 = post(fan, "marker 2", "public");
        server.awaitDistributed();
        assertThat(homeIds(fan)).contains(marker2).doesNotContain(after).containsOnlyOnce(publicPost);
    }

    @Test
    void hashtagTimeline() {
        HttpTester gus = as("gus");
        HttpTester viewer = as("viewer");
        var app = server.app();
        String s1 = post(gus, "#cats", "public");
        String s2 = post(gus, "#cats #dogs", "public");
        String s3 = post(gus, "#dogs", "public");
        String s4 = post(gus, "#Cats #birds", "public");
        post(gus, "#cats but unlisted", "unlisted");
        post(gus, "#cats but private", "private");
        Account remote = Remote.account(app, "meow", "remote.example");
        String s6 = Long.toString(Remote.status(app, remote, "remote cats", "cats"));
        String tl = "/api/v1/timelines/tag/";

        assertThat(ids(server.http().get(tl + "cats"))).containsExactly(s6, s4, s2, s1);
        assertThat(ids(server.http().get(tl + "CATS"))).containsExactly(s6, s4, s2, s1);
        assertThat(ids(server.http().get(tl + "cats?any[]=dogs"))).containsExactly(s6, s4, s3, s2, s1);
        assertThat(ids(server.http().get(tl + "cats?all[]=dogs"))).containsExactly(s2);
        assertThat(ids(server.http().get(tl + "cats?all[]=dogs&all[]=nobodyusesthis"))).isEmpty();
        assertThat(ids(server.http().get(tl + "cats?none[]=birds"))).containsExactly(s6, s2, s1);
        assertThat(ids(server.http().get(tl + "cats?none[]=birds&none[]=dogs"))).containsExactly(s6, s1);
        assertThat(ids(server.http().get(tl + "cats?local=true"))).containsExactly(s4, s2, s1);
        assertThat(ids(server.http().get(tl + "cats?remote=true"))).containsExactly(s6);
        assertThat(ids(server.http().get(tl + "cats?local=true&remote=true"))).containsExactly(s6, s4, s2, s1);
        assertThat(ids(server.http().get(tl + "cats?only_media=true"))).isEmpty();
        assertThat(ids(server.http().get(tl + "nobodyusesthis"))).isEmpty();
        assertThat(ids(server.http().get(tl + "nobodyusesthis?any[]=cats"))).isEmpty();

        HttpResult first = server.http().get(tl + "cats?limit=2&any[]=dogs");
        assertThat(ids(first)).containsExactly(s6, s4);
        String next = link(first, "next");
        assertThat(next).contains("any[]=dogs").contains("limit=2");
        HttpResult second = server.http().get(next);
        assertThat(ids(second)).containsExactly(s3, s2);
        assertThat(ids(server.http().get(link(second, "prev")))).containsExactly(s6, s4);

        // The viewer's mutes, blocks and domain blocks apply.
        ok(viewer.post("/api/v1/accounts/" + remote.id() + "/mute"));
        assertThat(ids(viewer.get(tl + "cats"))).containsExactly(s4, s2, s1);
        ok(viewer.post("/api/v1/accounts/" + Graph.id(gus) + "/block"));
        assertThat(ids(viewer.get(tl + "cats"))).isEmpty();
        assertThat(ids(server.http().get(tl + "cats"))).hasSize(4);
    }
}
