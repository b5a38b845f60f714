package social.starling.federation.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.App;
import social.starling.jobs.JobContext;
import social.starling.testing.RemoteActorStub;
import social.starling.testing.TestApp;
import social.starling.wiring.InboxComponents;

/**
 * Create, Update and Delete of notes reach {@link NoteIngest} only past the origin rules: the note's id on the
 * sender's origin, attributed to the sender, never an object of this server. Runs the real ingress job (built with a
 * recording NoteIngest) on activities from a stored remote actor.
 */
class NoteDispatchTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final RemoteActorStub remote = RemoteActorStub.start();

    @RegisterExtension
    static TestApp app = TestApp.create().with("STARLING_FEDERATION_ALLOW_PRIVATE", "127.0.0.0/8")
            .with("STARLING_JOBS_ENABLED", "false");

    static RecordingNoteIngest notes;
    static InboundActivityJob job;
    static RemoteActorStub.Actor bob;
    static RemoteActorStub.Actor eve;
    static String localStatus;

    @BeforeAll
    static void setUp() {
        App a = app.app();
        notes = new RecordingNoteIngest();
        job = InboxComponents.build(a.core(), a.repos(), a.outbox(), a.accounts(), a.graph(), a.interactions(),
                a.remoteAccounts(), notes, domain -> { }, a.moderation().domainPolicy()).job();
        bob = remote.actor("bob");
        eve = remote.actor("eve");
        a.remoteAccounts().resolve().resolveUrl(bob.uri()).orElseThrow();
        app.fixtures().account("alice");
        localStatus = app.baseUrl() + "/users/alice/statuses/1";
    }

    @AfterAll
    static void stop() {
        remote.close();
    }

    @BeforeEach
    void clear() {
        notes.calls.clear();
    }

    static ObjectNode note(String id, String attributedTo) {
        return JSON.createObjectNode().put("id", id).put("type", "Note").put("attributedTo", attributedTo)
                .put("content", "<p>hi</p>");
    }

    static void receive(String type, String id, Object object) {
        ObjectNode a = JSON.createObjectNode().put("id", id).put("type", type).put("actor", bob.uri());
        if (object instanceof String s) {
            a.put("object", s);
        } else {
            a.set("object", (ObjectNode) object);
        }
        job.handle(new InboundActivityJob.Payload(bob.uri(), a), new JobContext(1, 1, 8));
    }

    @Test
    void aCreateOfTheSendersOwnNoteIsIngested() {
        receive("Create", bob.id("statuses/1/activity"), note(bob.id("statuses/1"), bob.uri()));
        assertThat(notes.calls).containsExactly("create " + bob.id("statuses/1"));
    }

    @Test
    void aCreateNamingItsNoteByIdFetchesItFromTheSendersOrigin() {
        remote.serve("/users/bob/statuses/2", note(bob.id("statuses/2"), bob.uri()).toString());
        receive("Create", bob.id("statuses/2/activity"), bob.id("statuses/2"));
        assertThat(notes.calls).containsExactly("create " + bob.id("statuses/2"));
    }

    @Test
    void aCreateOfANoteOnAnotherHostOrBySomeoneElseIsRefused() {
        receive("Create", bob.id("statuses/3/activity"), note("https://elsewhere.example/notes/3", bob.uri()));
        receive("Create", bob.id("statuses/4/activity"), note(bob.id("statuses/4"), eve.uri()));
        receive("Create", "https://elsewhere.example/activities/5", note(bob.id("statuses/5"), bob.uri()));
        receive("Create", bob.id("statuses/6/activity"), note(localStatus, bob.uri()));
        assertThat(notes.calls).isEmpty();
    }

    @Test
    void anUpdateOnlyOfTheSendersOwnNote() {
        receive("Update", bob.id("statuses/1#update"), note(bob.id("statuses/1"), bob.uri()));
        receive("Update", bob.id("statuses/7#update"), note(eve.id("statuses/7"), eve.uri()));
        receive("Update", bob.id("statuses/8#update"), note(bob.id("statuses/8"), eve.uri()));
        receive("Update", bob.id("statuses/9#update"), note(localStatus, bob.uri()));
        assertThat(notes.calls).containsExactly("update " + bob.id("statuses/1"));
    }

    @Test
    void aDeleteOnlyOfAnObjectOnTheSendersOrigin() {
        receive("Delete", bob.id("statuses/1#delete"), bob.id("statuses/1"));
        receive("Delete", bob.id("statuses/10#delete"), JSON.createObjectNode().put("id", bob.id("statuses/10"))
                .put("type", "Tombstone"));
        receive("Delete", bob.id("statuses/11#delete"), localStatus);
        receive("Delete", bob.id("statuses/12#delete"), "https://elsewhere.example/notes/12");
        assertThat(notes.calls).containsExactly("delete " + bob.id("statuses/1"), "delete " + bob.id("statuses/10"));
    }

    @Test
    void unknownActivitiesAreIgnored() {
        receive("View", bob.id("views/1"), note(bob.id("statuses/1"), bob.uri()));
        receive("EmojiReact", bob.id("reacts/1"), localStatus);
        assertThat(notes.calls).isEmpty();
    }
}
