package social.starling.federation.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.db.Tx;
import social.starling.db.TestSql;
import social.starling.db.schema.Tables;
import social.starling.model.Account;
import social.starling.model.Follow;
import social.starling.model.NotificationType;
import social.starling.model.Status;
import social.starling.service.follow.FollowService;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.HttpTester;
import social.starling.testing.RemoteActorStub;
import social.starling.testing.TestApp;

/**
 * Activities from a fake remote server, signed by its actors and POSTed to the real inbox, processed by the real
 * ingress job: their effects through the use cases, and the origin rules refusing what an actor may not do.
 */
class InboxTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final RemoteActorStub remote = RemoteActorStub.start();

    @RegisterExtension
    static TestApp app = TestApp.create().with("STARLING_FEDERATION_ALLOW_PRIVATE", "127.0.0.0/8");

    static HttpTester alice;
    static String inbox;

    @BeforeAll
    static void setUp() {
        app.fixtures().account("alice");
        alice = ApiClient.register(app.http(), "read write follow").as("alice", "read write follow");
        inbox = app.baseUrl() + "/inbox";
    }

    @AfterAll
    static void stop() {
        remote.close();
    }

    static <T> T read(Function<Tx, T> query) {
        return app.app().core().db().read(query::apply);
    }

    static Account local(String name) {
        return app.fixtures().account(name);
    }

    static Account stored(RemoteActorStub.Actor actor) {
        return read(tx -> app.app().repos().accounts().findByUri(tx, actor.uri())).orElseThrow();
    }

    static ObjectNode activity(RemoteActorStub.Actor actor, String type, String id, Object object) {
        ObjectNode a = JSON.createObjectNode();
        a.put("@context", "https://www.w3.org/ns/activitystreams");
        if (id != null) {
            a.put("id", id);
        }
        a.put("type", type).put("actor", actor.uri());
        if (object instanceof String s) {
            a.put("object", s);
        } else if (object != null) {
            a.set("object", (ObjectNode) object);
        }
        return a;
    }

    static void deliver(RemoteActorStub.Actor actor, ObjectNode activity) {
        assertThat(actor.post(inbox, activity.toString()).status()).isEqualTo(202);
    }

    /** Waits until every activity taken in has been processed (refused ones complete too). */
    static void awaitProcessed() {
        Await.until(() -> read(tx -> TestSql.dsl(tx).fetchCount(Tables.JOBS,
                Tables.JOBS.KIND.eq(InboundActivityJob.TYPE.kind()))) == 0);
    }

    static boolean follows(long follower, long target) {
        return read(tx -> app.app().repos().relationships().follows(tx, follower, target));
    }

    static boolean notified(long recipient, long from, NotificationType type, Long statusId) {
        return read(tx -> app.app().repos().notifications().exists(tx, recipient, from, type, statusId));
    }

    static Status post(String text) {
        String id = alice.postJson("/api/v1/statuses", "{\"status\": \"" + text + "\"}").json().get("id").asText();
        return read(tx -> app.app().repos().statuses().find(tx, Long.parseLong(id))).orElseThrow();
    }

    static Status status(long id) {
        return read(tx -> app.app().repos().statuses().find(tx, id)).orElseThrow();
    }

    @Test
    void aFollowOfAnUnlockedMemberIsAFollowAndANotification() {
        var bob = remote.actor("bob");
        deliver(bob, activity(bob, "Follow", bob.id("follows/1"), local("alice").uri()));
        Await.until(() -> read(tx -> app.app().repos().accounts().findByUri(tx, bob.uri())).isPresent()
                && follows(stored(bob).id(), local("alice").id()));
        Account b = stored(bob);
        assertThat(b.domain()).isEqualTo(remote.domain());
        assertThat(notified(local("alice").id(), b.id(), NotificationType.FOLLOW, null)).isTrue();
        Follow f = read(tx -> app.app().repos().relationships().findFollow(tx, b.id(), local("alice").id()))
                .orElseThrow();
        assertThat(f.uri()).isEqualTo(bob.id("follows/1"));
    }

    @Test
    void aFollowOfALockedMemberIsARequest() {
        Account carol = local("carol");
        ApiClient.register(app.http(), "write").as("carol", "write")
                .patchJson("/api/v1/accounts/update_credentials", "{\"locked\": true}");
        var dan = remote.actor("dan");
        deliver(dan, activity(dan, "Follow", dan.id("follows/1"), carol.uri()));
        Await.until(() -> read(tx -> app.app().repos().accounts().findByUri(tx, dan.uri())
                .flatMap(d -> app.app().repos().relationships().findRequest(tx, d.id(), carol.id()))).isPresent());
        assertThat(follows(stored(dan).id(), carol.id())).isFalse();
        assertThat(notified(carol.id(), stored(dan).id(), NotificationType.FOLLOW_REQUEST, null)).isTrue();
    }

    @Test
    void anAcceptOfOurPendingRequestMakesItAFollowAndUndoFollowEndsIt() {
        var erin = remote.actor("erin");
        Account e = app.app().remoteAccounts().resolve().resolveUrl(erin.uri()).orElseThrow();
        Account dora = local("dora");
        app.app().graph().follows().follow(dora.id(), e.id(), FollowService.Options.DEFAULT);
        Follow request = read(tx -> app.app().repos().relationships().findRequest(tx, dora.id(), e.id()))
                .orElseThrow();
        assertThat(request.uri()).startsWith(app.baseUrl() + "/follows/");

        deliver(erin, activity(erin, "Accept", erin.id("accepts/1"), request.uri()));
        Await.until(() -> follows(dora.id(), e.id()));

        // erin follows dora back, then takes it back (Undo with the Follow embedded)
        ObjectNode follow = activity(erin, "Follow", erin.id("follows/2"), dora.uri());
        deliver(erin, follow);
        Await.until(() -> follows(e.id(), dora.id()));
        deliver(erin, activity(erin, "Undo", erin.id("undos/1"), follow));
        Await.until(() -> !follows(e.id(), dora.id()));
    }

    @Test
    void aLikeIsAFavouriteAndUndoLikeTakesItBack() {
        var fay = remote.actor("fay");
        Status s = post("like me");
        ObjectNode like = activity(fay, "Like", fay.id("likes/1"), s.uri());
        deliver(fay, like);
        Await.until(() -> status(s.id()).favouritesCount() == 1);
        assertThat(notified(local("alice").id(), stored(fay).id(), NotificationType.FAVOURITE, s.id())).isTrue();

        deliver(fay, activity(fay, "Undo", fay.id("undos/1"), like));
        Await.until(() -> status(s.id()).favouritesCount() == 0);
        assertThat(notified(local("alice").id(), stored(fay).id(), NotificationType.FAVOURITE, s.id())).isFalse();
    }

    @Test
    void anAnnounceIsAReblogAndUndoAnnounceRemovesIt() {
        var gus = remote.actor("gus");
        Status s = post("boost me");
        ObjectNode announce = activity(gus, "Announce", gus.id("statuses/1/activity"), s.uri());
        announce.putArray("to").add("https://www.w3.org/ns/activitystreams#Public");
        deliver(gus, announce);
        Await.until(() -> status(s.id()).reblogsCount() == 1);
        Account g = stored(gus);
        Status reblog = read(tx -> app.app().repos().statuses().findReblog(tx, g.id(), s.id())).orElseThrow();
        assertThat(reblog.uri()).isEqualTo(gus.id("statuses/1/activity"));
        assertThat(reblog.local()).isFalse();
        assertThat(notified(local("alice").id(), g.id(), NotificationType.REBLOG, s.id())).isTrue();

        // Undo by reference (the Announce's id only), as some servers send it
        deliver(gus, activity(gus, "Undo", gus.id("undos/1"), gus.id("statuses/1/activity")));
        Await.until(() -> status(s.id()).reblogsCount() == 0);
        Optional<Status> gone = read(tx -> app.app().repos().statuses().findReblog(tx, g.id(), s.id()));
        assertThat(gone).isEmpty();
    }

    @Test
    void aBlockEndsTheFollowsBothWaysAndUndoBlockLiftsIt() {
        var hal = remote.actor("hal");
        Account ivy = local("ivy");
        deliver(hal, activity(hal, "Follow", hal.id("follows/1"), ivy.uri()));
        Await.until(() -> read(tx -> app.app().repos().accounts().findByUri(tx, hal.uri())).isPresent()
                && follows(stored(hal).id(), ivy.id()));
        long h = stored(hal).id();
        ObjectNode block = activity(hal, "Block", hal.id("blocks/1"), ivy.uri());
        deliver(hal, block);
        Await.until(() -> read(tx -> app.app().repos().relationships().blocks(tx, h, ivy.id())));
        assertThat(follows(h, ivy.id())).isFalse();

        deliver(hal, activity(hal, "Undo", hal.id("undos/1"), block));
        Await.until(() -> !read(tx -> app.app().repos().relationships().blocks(tx, h, ivy.id())));
    }

    @Test
    void anUpdateOfTheActorItselfUpdatesTheAccount() {
        var jo = remote.actor("jo");
        deliver(jo, activity(jo, "Follow", jo.id("follows/1"), local("alice").uri()));
        Await.until(() -> read(tx -> app.app().repos().accounts().findByUri(tx, jo.uri())).isPresent());
        ObjectNode doc = jo.document().put("name", "Jo Renamed");
        deliver(jo, activity(jo, "Update", jo.id("updates/1"), doc));
        Await.until(() -> stored(jo).displayName().equals("Jo Renamed"));
    }

    @Test
    void aLikeWhoseIdIsOnAnotherHostHasNoEffect() {
        var kim = remote.actor("kim");
        Status s = post("not by a forged like");
        deliver(kim, activity(kim, "Like", "https://elsewhere.example/likes/1", s.uri()));
        awaitProcessed();
        assertThat(status(s.id()).favouritesCount()).isZero();
    }

    @Test
    void aDeleteOfTheActorRemovesItsFollowsAndReblogs() {
        var lou = remote.actor("lou");
        Account alice = local("alice");
        Status s = post("boosted then deleted");
        deliver(lou, activity(lou, "Follow", lou.id("follows/1"), alice.uri()));
        ObjectNode announce = activity(lou, "Announce", lou.id("statuses/9/activity"), s.uri());
        announce.putArray("to").add("https://www.w3.org/ns/activitystreams#Public");
        deliver(lou, announce);
        Await.until(() -> status(s.id()).reblogsCount() == 1 && follows(stored(lou).id(), alice.id()));
        long l = stored(lou).id();

        deliver(lou, activity(lou, "Delete", lou.uri() + "#delete", lou.uri()));
        Await.until(() -> stored(lou).suspended());
        assertThat(follows(l, alice.id())).isFalse();
        assertThat(status(s.id()).reblogsCount()).isZero();
        Optional<Status> reblog = read(tx -> app.app().repos().statuses().findReblog(tx, l, s.id()));
        assertThat(reblog).isEmpty();
    }

    @Test
    void aMoveToAnAccountThatNamesTheOldOneMovesLocalFollows() {
        var old = remote.actor("old");
        var fresh = remote.actor("fresh");
        var stranger = remote.actor("stranger");
        ObjectNode doc = fresh.document();
        doc.putArray("alsoKnownAs").add(old.uri());
        remote.serve("/users/fresh", doc.toString());
        Account mia = local("mia");
        Account o = app.app().remoteAccounts().resolve().resolveUrl(old.uri()).orElseThrow();
        app.app().graph().follows().follow(mia.id(), o.id(), FollowService.Options.DEFAULT);
        app.app().graph().follows().acceptedByRemote(mia.id(), o.id());
        assertThat(follows(mia.id(), o.id())).isTrue();

        // stranger does not name old in alsoKnownAs: refused
        ObjectNode bogus = activity(old, "Move", old.id("moves/1"), old.uri());
        bogus.put("target", stranger.uri());
        deliver(old, bogus);
        awaitProcessed();
        assertThat(follows(mia.id(), o.id())).isTrue();

        ObjectNode move = activity(old, "Move", old.id("moves/2"), old.uri());
        move.put("target", fresh.uri());
        deliver(old, move);
        Await.until(() -> !follows(mia.id(), o.id()));
        long f = stored(fresh).id();
        // fresh is remote: mia's follow of it is a request until fresh accepts
        Optional<Follow> request = read(tx -> app.app().repos().relationships().findRequest(tx, mia.id(), f));
        assertThat(request).isPresent();
    }

    @Test
    void aFlagIsAReportAboutTheMembersNamed() {
        var mod = remote.actor("mod");
        Account nina = local("nina");
        ObjectNode flag = activity(mod, "Flag", mod.id("flags/1"), null);
        flag.putArray("object").add(nina.uri()).add(app.baseUrl() + "/users/nina/statuses/1");
        flag.put("content", "spam");
        deliver(mod, flag);
        Await.until(() -> read(tx -> app.app().inbox().reports().countAbout(tx, nina.id())) == 1);
    }
}
