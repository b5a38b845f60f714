package social.starling.api.statuses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.model.NotificationType;
import social.starling.service.poll.ClosePollService;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.Golden;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.MutableClock;
import social.starling.testing.TestApp;

/** GET /api/v1/polls/:id, POST /api/v1/polls/:id/votes, and polls closing at their end. */
class PollTest {
    static final MutableClock clock = MutableClock.startingNow();

    @RegisterExtension
    static TestApp server = TestApp.create().withClock(clock);

    static HttpTester alice;
    static HttpTester bob;
    static HttpTester carol;
    static long aliceId;
    static long bobId;

    @BeforeAll
    static void accounts() {
        aliceId = server.fixtures().account("alice").id();
        bobId = server.fixtures().account("bob").id();
        server.fixtures().account("carol");
        ApiClient client = ApiClient.register(server.http(), "read write follow");
        alice = client.as("alice", "read write follow");
        bob = client.as("bob", "read write follow");
        carol = client.as("carol", "read write follow");
    }

    static JsonNode poll(String options, boolean multiple, String visibility) {
        HttpResult r = alice.postJson("/api/v1/statuses", "{\"status\": \"Vote!\", \"visibility\": \"" + visibility
                + "\", \"poll\": {\"options\": " + options + ", \"expires_in\": 600, \"multiple\": " + multiple + "}}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("poll");
    }

    static HttpResult vote(HttpTester who, String pollId, String choices) {
        return who.postJson("/api/v1/polls/" + pollId + "/votes", "{\"choices\": " + choices + "}");
    }

    @Test
    void votesFollowMastodonsRules() {
        String id = poll("[\"yes\", \"no\"]", false, "public").get("id").asText();
        HttpResult visitor = server.http().get("/api/v1/polls/" + id);
        assertThat(visitor.status()).isEqualTo(200);
        assertThat(visitor.json().has("voted")).isFalse();

        HttpResult own = vote(alice, id, "[0]");
        assertThat(own.status()).isEqualTo(422);
        assertThat(own.json().get("error").asText()).isEqualTo("Validation failed: You cannot vote in your own polls");
        HttpResult two = vote(bob, id, "[0, 1]");
        assertThat(two.status()).isEqualTo(422);
        assertThat(two.json().get("error").asText()).isEqualTo("Validation failed: You have already voted on this poll");
        HttpResult bad = vote(bob, id, "[2]");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("error").asText())
                .isEqualTo("Validation failed: The chosen vote option does not exist");
        assertThat(vote(bob, id, "[]").status()).isEqualTo(400);
        assertThat(server.http().postJson("/api/v1/polls/" + id + "/votes", "{\"choices\": [0]}").status())
                .isEqualTo(401);
        // nothing was stored by the refused votes
        assertThat(bob.get("/api/v1/polls/" + id).json().get("votes_count").asInt()).isZero();

        HttpResult ok = vote(bob, id, "[1]");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("votes_count").asInt()).isEqualTo(1);
        assertThat(ok.json().get("voted").asBoolean()).isTrue();
        assertThat(ok.json().get("own_votes").get(0).asInt()).isEqualTo(1);
        assertThat(ok.json().get("options").get(1).get("votes_count").asInt()).isEqualTo(1);
        Golden.assertMatches("poll.json", ok.body());

        HttpResult again = vote(bob, id, "[0]");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().get("error").asText()).isEqualTo("Validation failed: You have already voted on this poll");
        assertThat(server.http().get("/api/v1/polls/" + id).json().get("votes_count").asInt()).isEqualTo(1);
    }

    @Test
    void multipleChoicePollsCountVotesAndVoters() {
        String id = poll("[\"a\", \"b\", \"c\"]", true, "public").get("id").asText();
        HttpResult r = vote(bob, id, "[\"0\", \"2\"]");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("votes_count").asInt()).isEqualTo(2);
        assertThat(r.json().get("voters_count").asInt()).isEqualTo(1);
        assertThat(vote(carol, id, "[2, 2]").status()).isEqualTo(422);
        r = vote(carol, id, "[2]");
        assertThat(r.json().get("votes_count").asInt()).isEqualTo(3);
        assertThat(r.json().get("voters_count").asInt()).isEqualTo(2);
        assertThat(r.json().get("options").get(2).get("votes_count").asInt()).isEqualTo(2);
    }

    @Test
    void ownVotesComeInTheOrderTheViewerChose() {
        // Mastodon stores one vote row per choice, in the order sent, and own_votes reads them back in that order.
        String id = poll("[\"a\", \"b\", \"c\"]", true, "public").get("id").asText();
        HttpResult r = vote(bob, id, "[2, 0]");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("own_votes").toString()).isEqualTo("[2,0]");
        assertThat(bob.get("/api/v1/polls/" + id).json().get("own_votes").toString()).isEqualTo("[2,0]");
    }

    @Test
    void pollsOfHiddenStatusesAreNotFound() {
        String id = poll("[\"a\", \"b\"]", false, "private").get("id").asText();
        assertThat(server.http().get("/api/v1/polls/" + id).status()).isEqualTo(404);
        assertThat(vote(bob, id, "[0]").status()).isEqualTo(404);
        assertThat(alice.get("/api/v1/polls/" + id).status()).isEqualTo(200);
        assertThat(server.http().get("/api/v1/polls/12345").status()).isEqualTo(404);
    }

    @Test
    void aPollClosesAtItsEndAndTellsVotersAndAuthor() {
        JsonNode poll = poll("[\"a\", \"b\"]", false, "public");
        String id = poll.get("id").asText();
        assertThat(vote(bob, id, "[0]").status()).isEqualTo(200);
        var app = server.app();
        ClosePollService close = new ClosePollService(app.core().db(), app.repos().polls(), app.statuses().notifier(), app.core().clock());
        assertThat(close.close(Long.parseLong(id))).as("not due yet").isFalse();

        clock.advance(Duration.ofMinutes(11)); // past the end: the queued poll.close job runs
        Await.until(() -> bob.get("/api/v1/polls/" + id).json().get("expired").asBoolean()
                && app.core().db().read(tx -> app.repos().polls().find(tx, Long.parseLong(id)).orElseThrow().closedAt() != null));
        JsonNode statusId = alice.get("/api/v1/polls/" + id).json();
        assertThat(statusId.get("expired").asBoolean()).isTrue();
        long status = app.core().db().read(tx -> app.repos().polls().find(tx, Long.parseLong(id)).orElseThrow().statusId());
        Await.until(() -> app.core().db().read(tx -> app.repos().notifications().exists(tx, bobId, aliceId, NotificationType.POLL,
                status) && app.repos().notifications().exists(tx, aliceId, aliceId, NotificationType.POLL, status)));
        assertThat(close.close(Long.parseLong(id))).as("closing twice does nothing").isFalse();

        HttpResult late = vote(carol, id, "[1]");
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.json().get("error").asText()).isEqualTo("Validation failed: The poll has already ended");
    }
}
