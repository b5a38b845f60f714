package social.starling.federation.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.model.Account;
import social.starling.model.Status;
import social.starling.model.Visibility;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.HttpTester;
import social.starling.testing.MutableClock;
import social.starling.testing.TestApp;

/**
 * Outbound delivery over real HTTP: remote hosts are {@link FakeInbox}es on loopback ports, remote accounts and their
 * follows are written straight to the database (the inbox is not built on this branch), local actions go through
 * the Mastodon API. Time is a {@link MutableClock}: retries are seen by moving it, never by sleeping.
 */
class DeliveryTest {
    private static final String AS_PUBLIC = "https://www.w3.org/ns/activitystreams#Public";
    static final MutableClock clock = MutableClock.startingNow();

    @RegisterExtension
    static final TestApp app = TestApp.create().withClock(clock)
            .with("STARLING_FEDERATION_ALLOW_PRIVATE", "127.0.0.0/8");

    private static ApiClient client;
    private static DeliveryRig rig;
    private final List<FakeInbox> hosts = new ArrayList<>();

    @BeforeAll
    static void setUp() {
        client = ApiClient.register(app.http(), "read write follow");
        rig = new DeliveryRig(app.app());
    }

    @AfterEach
    void closeHosts() {
        hosts.forEach(FakeInbox::close);
    }

    private FakeInbox host() {
        FakeInbox h = new FakeInbox();
        hosts.add(h);
        return h;
    }

    private HttpTester as(String username) {
        app.fixtures().account(username);
        return client.as(username, "read write follow");
    }

    private static String post(HttpTester who, String text, String visibility) {
        var r = who.postJson("/api/v1/statuses", "{\"status\":\"" + text + "\",\"visibility\":\"" + visibility + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asText();
    }

    @Test
    void aPublicPostReachesEachFollowersHostOnceSigned() {
        Account alice = app.fixtures().account("alice");
        HttpTester api = as("alice");
        FakeInbox shared = host();
        FakeInbox personal = host();
        rig.follow(rig.remote("amy", "shared.test", shared, true), alice);
        rig.follow(rig.remote("ann", "shared.test", shared, true), alice);
        rig.follow(rig.remote("bea", "personal.test", personal, false), alice);

        post(api, "hello fediverse", "public");
        Await.until(() -> shared.received.size() == 1 && personal.received.size() == 1);
        rig.awaitIdle();

        assertThat(shared.received).hasSize(1);
        FakeInbox.Received got = shared.received.getFirst();
        assertThat(got.path()).isEqualTo("/inbox");
        assertThat(personal.received.getFirst().path()).isEqualTo("/users/bea/inbox");
        rig.assertSigned(got, alice);
        rig.assertSigned(personal.received.getFirst(), alice);
        JsonNode create = got.json();
        assertThat(create.get("type").asText()).isEqualTo("Create");
        assertThat(create.get("actor").asText()).isEqualTo(app.baseUrl() + "/users/alice");
        assertThat(create.get("to").get(0).asText()).isEqualTo(AS_PUBLIC);
        assertThat(create.get("cc").get(0).asText()).isEqualTo(app.baseUrl() + "/users/alice/followers");
        assertThat(create.at("/object/type").asText()).isEqualTo("Note");
        assertThat(create.at("/object/content").asText()).contains("hello fediverse");
        assertThat(personal.received.getFirst().body()).isEqualTo(got.body()); // rendered once
    }

    @Test
    void aDirectPostGoesToTheMentionedOnly() {
        Account carol = app.fixtures().account("carol");
        HttpTester api = as("carol");
        FakeInbox follower = host();
        FakeInbox mentioned = host();
        rig.follow(rig.remote("fred", "follower.test", follower, true), carol);
        Account dan = rig.remote("dan", "mentioned.test", mentioned, true);

        post(api, "@dan@mentioned.test psst", "direct");
        Await.until(() -> mentioned.received.size() == 1);
        rig.awaitIdle();

        assertThat(follower.received).isEmpty();
        JsonNode create = mentioned.received.getFirst().json();
        assertThat(create.get("to")).extracting(JsonNode::asText).containsExactly(dan.uri());
        assertThat(create.has("cc") ? create.get("cc").size() : 0).isZero();
        rig.assertSigned(mentioned.received.getFirst(), carol);
    }

    @Test
    void followersOnlyPostsGoToFollowersAndTheMentioned() {
        Account erin = app.fixtures().account("erin");
        HttpTester api = as("erin");
        FakeInbox follower = host();
        FakeInbox mentioned = host();
        rig.follow(rig.remote("gus", "f.test", follower, true), erin);
        rig.remote("hal", "m.test", mentioned, false);

        post(api, "@hal@m.test friends only", "private");
        Await.until(() -> follower.received.size() == 1 && mentioned.received.size() == 1);
        JsonNode create = follower.received.getFirst().json();
        assertThat(create.get("to")).extracting(JsonNode::asText)
                .containsExactly(app.baseUrl() + "/users/erin/followers");
        assertThat(create.toString()).doesNotContain(AS_PUBLIC);
        assertThat(mentioned.received.getFirst().path()).isEqualTo("/users/hal/inbox");
    }

    @Test
    void editsAndDeletesFollowThePost() {
        Account gina = app.fixtures().account("gina");
        HttpTester api = as("gina");
        FakeInbox follower = host();
        FakeInbox mentioned = host();
        rig.follow(rig.remote("ivy", "e.test", follower, true), gina);
        rig.remote("jon", "j.test", mentioned, true);
        String id = post(api, "@jon@j.test first", "public");
        Await.until(() -> follower.received.size() == 1 && mentioned.received.size() == 1);

        assertThat(api.putJson("/api/v1/statuses/" + id, "{\"status\":\"@jon@j.test second\"}").status())
                .isEqualTo(200);
        Await.until(() -> follower.received.size() == 2 && mentioned.received.size() == 2);
        JsonNode update = follower.received.get(1).json();
        assertThat(update.get("type").asText()).isEqualTo("Update");
        assertThat(update.at("/object/content").asText()).contains("second");
        assertThat(update.at("/object/id").asText()).isEqualTo(follower.received.getFirst().json()
                .at("/object/id").asText());

        assertThat(api.delete("/api/v1/statuses/" + id).status()).isEqualTo(200);
        // The mentioned account is told too, though its mention row went with the status.
        Await.until(() -> follower.received.size() == 3 && mentioned.received.size() == 3);
        JsonNode delete = mentioned.received.get(2).json();
        assertThat(delete.get("type").asText()).isEqualTo("Delete");
        assertThat(delete.at("/object/type").asText()).isEqualTo("Tombstone");
        assertThat(delete.at("/object/id").asText()).isEqualTo(update.at("/object/id").asText());
        rig.assertSigned(mentioned.received.get(2), gina);
        rig.awaitIdle();
        int stored = app.app().core().db().read(tx -> social.starling.db.TestSql.dsl(tx).fetchCount(
                social.starling.db.schema.Tables.DELIVERY_ACTIVITIES,
                social.starling.db.schema.Tables.DELIVERY_ACTIVITIES.BODY.contains("/statuses/" + id)));
        assertThat(stored).as("stored activities are deleted with their last delivery").isZero();
    }

    @Test
    void boostsAndFavouritesOfRemoteStatusesReachTheirAuthor() {
        Account kim = app.fixtures().account("kim");
        HttpTester api = as("kim");
        FakeInbox follower = host();
        FakeInbox author = host();
        rig.follow(rig.remote("lea", "l.test", follower, true), kim);
        Account mo = rig.remote("mo", "mo.test", author, false);
        long remoteStatus = remoteStatus(mo, "a remote post");
        String statusUri = mo.uri() + "/statuses/" + remoteStatus;

        assertThat(api.post("/api/v1/statuses/" + remoteStatus + "/reblog").status()).isEqualTo(200);
        Await.until(() -> follower.received.size() == 1 && author.received.size() == 1);
        JsonNode announce = author.received.getFirst().json();
        assertThat(announce.get("type").asText()).isEqualTo("Announce");
        assertThat(announce.get("object").asText()).isEqualTo(statusUri);
        assertThat(announce.get("cc")).extracting(JsonNode::asText).contains(mo.uri());

        assertThat(api.post("/api/v1/statuses/" + remoteStatus + "/unreblog").status()).isEqualTo(200);
        Await.until(() -> follower.received.size() == 2 && author.received.size() == 2);
        JsonNode undo = follower.received.get(1).json();
        assertThat(undo.get("type").asText()).isEqualTo("Undo");
        assertThat(undo.at("/object/type").asText()).isEqualTo("Announce");
        assertThat(undo.at("/object/id").asText()).isEqualTo(announce.get("id").asText());

        assertThat(api.post("/api/v1/statuses/" + remoteStatus + "/favourite").status()).isEqualTo(200);
        Await.until(() -> author.received.size() == 3);
        JsonNode like = author.received.get(2).json();
        assertThat(author.received.get(2).path()).isEqualTo("/users/mo/inbox");
        assertThat(like.get("type").asText()).isEqualTo("Like");
        assertThat(like.get("object").asText()).isEqualTo(statusUri);
        rig.assertSigned(author.received.get(2), kim);

        assertThat(api.post("/api/v1/statuses/" + remoteStatus + "/unfavourite").status()).isEqualTo(200);
        Await.until(() -> author.received.size() == 4);
        JsonNode undoLike = author.received.get(3).json();
        assertThat(undoLike.get("type").asText()).isEqualTo("Undo");
        assertThat(undoLike.at("/object/id").asText()).isEqualTo(like.get("id").asText());
        rig.awaitIdle();
        assertThat(follower.received).hasSize(2);
    }

    @Test
    void followingARemoteAccountSendsFollowWithOurIdThenUndo() {
        app.fixtures().account("nia");
        HttpTester api = as("nia");
        FakeInbox target = host();
        Account oz = rig.remote("oz", "oz.test", target, true);

        assertThat(api.post("/api/v1/accounts/" + oz.id() + "/follow").status()).isEqualTo(200);
        Await.until(() -> target.received.size() == 1);
        JsonNode follow = target.received.getFirst().json();
        assertThat(target.received.getFirst().path()).isEqualTo("/users/oz/inbox");
        assertThat(follow.get("type").asText()).isEqualTo("Follow");
        assertThat(follow.get("id").asText()).startsWith(app.baseUrl() + "/follows/");
        assertThat(follow.get("actor").asText()).isEqualTo(app.baseUrl() + "/users/nia");
        assertThat(follow.get("object").asText()).isEqualTo(oz.uri());

        assertThat(api.post("/api/v1/accounts/" + oz.id() + "/unfollow").status()).isEqualTo(200);
        Await.until(() -> target.received.size() == 2);
        JsonNode undo = target.received.get(1).json();
        assertThat(undo.get("type").asText()).isEqualTo("Undo");
        assertThat(undo.get("object").get("id").asText()).isEqualTo(follow.get("id").asText());
        assertThat(undo.at("/object/object").asText()).isEqualTo(oz.uri());
    }

    @Test
    void blocksAndVotesReachTheOtherActor() {
        app.fixtures().account("pam");
        HttpTester api = as("pam");
        FakeInbox remote = host();
        Account quinn = rig.remote("quinn", "q.test", remote, true);

        assertThat(api.post("/api/v1/accounts/" + quinn.id() + "/block").status()).isEqualTo(200);
        Await.until(() -> remote.received.size() == 1);
        JsonNode block = remote.received.getFirst().json();
        assertThat(block.get("type").asText()).isEqualTo("Block");
        assertThat(block.get("id").asText()).startsWith(app.baseUrl() + "/blocks/");
        assertThat(api.post("/api/v1/accounts/" + quinn.id() + "/unblock").status()).isEqualTo(200);
        Await.until(() -> remote.received.size() == 2);
        JsonNode undo = remote.received.get(1).json();
        assertThat(undo.get("type").asText()).isEqualTo("Undo");
        assertThat(undo.at("/object/id").asText()).isEqualTo(block.get("id").asText());

        long poll = remotePoll(quinn, List.of("tea", "coffee"));
        assertThat(api.postJson("/api/v1/polls/" + poll + "/votes", "{\"choices\":[\"1\"]}").status())
                .isEqualTo(200);
        Await.until(() -> remote.received.size() == 3);
        JsonNode vote = remote.received.get(2).json();
        assertThat(vote.get("type").asText()).isEqualTo("Create");
        assertThat(vote.at("/object/type").asText()).isEqualTo("Note");
        assertThat(vote.at("/object/name").asText()).isEqualTo("coffee");
        assertThat(vote.at("/object/inReplyTo").asText()).endsWith("/statuses/" + pollStatusId);
        assertThat(vote.at("/object/attributedTo").asText()).isEqualTo(app.baseUrl() + "/users/pam");
    }

    @Test
    void aServerErrorIsRetriedOnTheBackoffScheduleThenDelivered() {
        Account rae = app.fixtures().account("rae");
        HttpTester api = as("rae");
        FakeInbox flaky = host().answer(500);
        rig.follow(rig.remote("sam", "s.test", flaky, true), rae);

        post(api, "try again", "public");
        Await.until(() -> flaky.received.size() == 1);
        Instant first = clock.instant();
        Await.until(() -> rig.pending(flaky).size() == 1);
        assertThat(rig.pending(flaky).getFirst())
                .isBetween(first.plus(RetrySchedule.minimumDelay(1)), first.plus(RetrySchedule.maximumDelay(1)));

        clock.advance(RetrySchedule.maximumDelay(1));
        Await.until(() -> flaky.received.size() == 2);
        Instant second = clock.instant();
        Await.until(() -> rig.pending(flaky).size() == 1);
        assertThat(rig.pending(flaky).getFirst())
                .isBetween(second.plus(RetrySchedule.minimumDelay(2)), second.plus(RetrySchedule.maximumDelay(2)));

        flaky.answer(202);
        clock.advance(RetrySchedule.maximumDelay(2));
        Await.until(() -> flaky.received.size() == 3);
        rig.awaitIdle();
        assertThat(rig.pending(flaky)).isEmpty();
        assertThat(flaky.received).extracting(FakeInbox.Received::body)
                .allSatisfy(b -> assertThat(b).isEqualTo(flaky.received.getFirst().body()));
        // Each attempt is signed again, with the time it was sent.
        assertThat(flaky.received.get(2).headers().get("Date")).isNotEqualTo(flaky.received.get(0).headers().get("Date"));
        rig.assertSigned(flaky.received.get(2), rae);
    }

    @Test
    void retryAfterIsHonoured() {
        Account tom = app.fixtures().account("tom");
        HttpTester api = as("tom");
        FakeInbox busy = host().answer(429, Map.of("Retry-After", "7200"));
        rig.follow(rig.remote("uma", "u.test", busy, true), tom);

        post(api, "slow down", "public");
        Await.until(() -> busy.received.size() == 1);
        Instant sent = clock.instant();
        Await.until(() -> rig.pending(busy).size() == 1);
        assertThat(rig.pending(busy).getFirst())
                .isEqualTo(sent.plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));

        busy.answer(202);
        clock.advance(Duration.ofHours(2));
        Await.until(() -> busy.received.size() == 2);
        rig.awaitIdle();
        assertThat(rig.pending(busy)).isEmpty();
    }

    @Test
    void goneIsNotRetried() {
        Account vic = app.fixtures().account("vic");
        HttpTester api = as("vic");
        FakeInbox gone = host().answer(410);
        FakeInbox fine = host();
        rig.follow(rig.remote("wes", "w.test", gone, true), vic);
        rig.follow(rig.remote("xia", "x.test", fine, true), vic);

        post(api, "anyone there", "public");
        Await.until(() -> gone.received.size() == 1 && fine.received.size() == 1);
        rig.awaitIdle();
        assertThat(rig.pending(gone)).isEmpty();
        clock.advance(Duration.ofDays(3));
        post(api, "still here", "public"); // a later delivery runs: the 410 one did not come back
        Await.until(() -> fine.received.size() == 2);
        rig.awaitIdle();
        assertThat(gone.received).hasSize(2);
        assertThat(gone.received.get(1).json().at("/object/content").asText()).contains("still here");
    }

    @Test
    void aStalledHostDoesNotDelayAHealthyOne() {
        Account yan = app.fixtures().account("yan");
        HttpTester api = as("yan");
        FakeInbox stalled = host().stall();
        FakeInbox healthy = host();
        rig.follow(rig.remote("zed", "stalled.test", stalled, true), yan);
        rig.follow(rig.remote("abe", "healthy.test", healthy, true), yan);

        for (int i = 0; i < 6; i++) {
            post(api, "post " + i, "public");
        }
        // The stalled host holds at most its per-host cap of workers; the healthy one gets all six meanwhile. A
        // delivery that found the healthy host at its own cap for a moment is put back for half a second of the
        // test's clock, which stands still: time is moved on while waiting, as it would pass.
        Await.until(Duration.ofSeconds(60), () -> {
            clock.advance(Duration.ofMillis(100));
            return healthy.received.size() == 6;
        }, () -> "healthy host got " + healthy.received.size()
                + ", its gate " + app.app().delivery().hostHealth().gate(healthy.host()) + ", pending to it "
                + rig.pending(healthy) + ", stalled host got " + stalled.received.size());
        assertThat(stalled.received.size()).isLessThanOrEqualTo(HostSlots.DEFAULT_PER_HOST);
        stalled.release();
    }

    @Test
    void aFailingHostRestsThenIsMarkedUnavailableUntilItContactsUs() {
        Account ben = app.fixtures().account("ben");
        HttpTester api = as("ben");
        FakeInbox down = host().answer(503);
        rig.follow(rig.remote("cy", "down.test", down, true), ben);
        HostHealth health = app.app().delivery().hostHealth();
        for (int i = 1; i < HostHealth.FAILURE_THRESHOLD; i++) {
            health.failed(down.host());
        }
        assertThat(health.gate(down.host())).isInstanceOf(HostHealth.Open.class);

        post(api, "tenth failure", "public");
        Await.until(() -> down.received.size() == 1);
        Await.until(() -> health.gate(down.host()) instanceof HostHealth.Resting);
        Instant resumeAt = ((HostHealth.Resting) health.gate(down.host())).until();
        assertThat(resumeAt).isEqualTo(clock.instant().plus(HostHealth.COOL_DOWN).truncatedTo(
                java.time.temporal.ChronoUnit.MILLIS));
        // A delivery due while the breaker is open is put back until it closes, without an attempt.
        post(api, "while resting", "public");
        // (the first post's retry is scheduled before the breaker opened; the new one waits for the cool-down —
        // waiting for two pending deliveries is not enough: the new one is pending, due now, before it is put back)
        Await.until(() -> rig.pending(down).stream().anyMatch(at -> !at.isBefore(resumeAt)));
        assertThat(rig.pending(down)).hasSize(2);
        assertThat(down.received).hasSize(1);

        clock.advance(HostHealth.UNAVAILABLE_AFTER);
        Await.until(() -> health.gate(down.host()) instanceof HostHealth.Unavailable);
        rig.awaitIdle();
        assertThat(rig.pending(down)).as("deliveries to an unavailable host are dropped").isEmpty();
        post(api, "nobody home", "public");
        rig.awaitIdle();
        assertThat(rig.pending(down)).as("an unavailable host is left out of audiences").isEmpty();
        int attempts = down.received.size();

        health.contacted(down.host());
        down.answer(202);
        post(api, "welcome back", "public");
        Await.until(() -> down.received.size() == attempts + 1);
        assertThat(down.received.getLast().json().at("/object/content").asText()).contains("welcome back");
    }

    private long pollStatusId;

    private long remoteStatus(Account author, String text) {
        long id = app.app().core().ids().next();
        Instant now = clock.instant();
        Status s = new Status(id, author.id(), author.uri() + "/statuses/" + id, null, false, Visibility.PUBLIC, "",
                "<p>" + text + "</p>", "", false, null, null, null, null, null, null, null, 0, 0, 0, 0, null, now);
        app.app().core().db().inTransaction(tx -> {
            app.app().repos().statuses().insert(tx, s);
            return null;
        });
        return id;
    }

    private long remotePoll(Account author, List<String> options) {
        long statusId = app.app().core().ids().next();
        long pollId = app.app().core().ids().next();
        Instant now = clock.instant();
        Status s = new Status(statusId, author.id(), author.uri() + "/statuses/" + statusId, null, false,
                Visibility.PUBLIC, "", "<p>which?</p>", "", false, null, null, null, null, null, null, pollId, 0, 0, 0,
                0, null, now);
        app.app().core().db().inTransaction(tx -> {
            app.app().repos().statuses().insert(tx, s);
            app.app().repos().polls().insert(tx, pollId, statusId, author.id(), options, false, false,
                    now.plus(Duration.ofDays(30)), now);
            return null;
        });
        pollStatusId = statusId;
        return pollId;
    }
}
