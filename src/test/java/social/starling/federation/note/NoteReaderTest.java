package social.starling.federation.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import social.starling.model.Visibility;
import social.starling.model.federation.RemoteNote;

/** NoteReader alone: the shapes other servers send, read without a database. */
class NoteReaderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2025-03-02T00:00:00Z");
    private static final String ACTOR = "https://remote.example/users/bob";
    private static final String FOLLOWERS = ACTOR + "/followers";

    private static ObjectNode note() {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", "https://remote.example/notes/1").put("type", "Note").put("attributedTo", ACTOR)
                .put("content", "<p>hi</p>").put("published", "2025-03-01T10:00:00Z");
        return n;
    }

    private static RemoteNote read(JsonNode n) throws Exception {
        return NoteReader.read(n, FOLLOWERS, NOW);
    }

    @Test
    void visibilityAcceptsEveryFormOfThePublicCollection() throws Exception {
        for (String pub : List.of("https://www.w3.org/ns/activitystreams#Public", "as:Public", "Public")) {
            ObjectNode n = note();
            n.put("to", pub);
            assertThat(read(n).visibility()).as(pub).isEqualTo(Visibility.PUBLIC);
            n.remove("to");
            n.putArray("cc").add(pub);
            assertThat(read(n).visibility()).as(pub).isEqualTo(Visibility.UNLISTED);
        }
        ObjectNode followers = note();
        followers.putArray("to").addObject().put("id", FOLLOWERS);
        assertThat(read(followers).visibility()).isEqualTo(Visibility.PRIVATE);
        ObjectNode followersInCc = note();
        followersInCc.putArray("cc").add(FOLLOWERS);
        assertThat(read(followersInCc).visibility()).isEqualTo(Visibility.DIRECT); // Mastodon looks in `to` only
        assertThat(NoteReader.read(followers, null, NOW).visibility()).isEqualTo(Visibility.DIRECT);
    }

    @Test
    void contentMapStandsInForMissingContentAndNamesTheLanguage() throws Exception {
        ObjectNode n = note();
        n.remove("content");
        n.putObject("contentMap").put("fr", "<p>bonjour</p>").put("en", "<p>hello</p>");
        RemoteNote read = read(n);
        assertThat(read.content()).isEqualTo("<p>bonjour</p>");
        assertThat(read.language()).isEqualTo("fr");
        n.putObject("contentMap").put("not a language!", "<p>x</p>");
        assertThat(read(n).language()).isNull();
    }

    @Test
    void urlPrefersAnHtmlLinkOnTheObjectsHostAndElseIsTheId() throws Exception {
        ObjectNode n = note();
        ArrayNode url = n.putArray("url");
        url.addObject().put("type", "Link").put("mediaType", "application/activity+json").put("href", "https://remote.example/a");
        url.addObject().put("type", "Link").put("mediaType", "text/html").put("href", "https://remote.example/@bob/1");
        assertThat(read(n).url()).isEqualTo("https://remote.example/@bob/1");
        n.put("url", "https://elsewhere.example/@bob/1");
        assertThat(read(n).url()).isEqualTo("https://remote.example/notes/1");
    }

    @Test
    void articlesAreShownAsTitleAndLinkAndSummaryIsAWarningOnlyForNotes() throws Exception {
        ObjectNode article = note();
        article.put("type", "Article").put("name", "A <b>long</b> read").put("summary", "the gist")
                .put("url", "https://remote.example/blog/long-read").put("content", "<p>thousands of words</p>");
        RemoteNote read = read(article);
        assertThat(read.content()).contains("A long read").contains("the gist")
                .contains("href=\"https://remote.example/blog/long-read\"").doesNotContain("thousands");
        assertThat(read.spoilerText()).isEmpty();
        ObjectNode warned = note();
        warned.put("summary", "spoilers <i>ahead</i>");
        assertThat(read(warned).spoilerText()).isEqualTo("spoilers ahead");
    }

    @Test
    void refusesWhatIsNoNote() {
        ObjectNode person = note();
        person.put("type", "Person");
        assertThatThrownBy(() -> read(person)).isInstanceOf(NoteReader.InvalidNoteException.class);
        ObjectNode noId = note();
        noId.put("id", "urn:uuid:1");
        assertThatThrownBy(() -> read(noId)).isInstanceOf(NoteReader.InvalidNoteException.class);
        ObjectNode noAuthor = note();
        noAuthor.remove("attributedTo");
        assertThatThrownBy(() -> read(noAuthor)).isInstanceOf(NoteReader.InvalidNoteException.class);
    }

    @Test
    void attributedToMayBeAnArrayOfObjectsAndTimesAreNeverInTheFuture() throws Exception {
        ObjectNode n = note();
        ArrayNode authors = n.putArray("attributedTo");
        authors.addObject().put("type", "Link").put("id", "https://remote.example/not-an-actor");
        authors.addObject().put("type", "Person").put("id", ACTOR);
        n.put("published", "2099-01-01T00:00:00Z").put("updated", "2025-03-01T12:00:00+01:00");
        RemoteNote read = read(n);
        assertThat(read.attributedTo()).isEqualTo(ACTOR);
        assertThat(read.published()).isEqualTo(NOW);
        assertThat(read.updated()).isEqualTo(Instant.parse("2025-03-01T11:00:00Z"));
    }

    @Test
    void tagsAreBoundedDeduplicatedAndCleaned() throws Exception {
        ObjectNode n = note();
        ArrayNode tags = n.putArray("tag");
        tags.addObject().put("type", "Hashtag").put("name", "#Birds");
        tags.addObject().put("type", "Hashtag").put("name", "#birds");
        tags.addObject().put("type", "Hashtag").put("name", "#no spaces allowed");
        tags.addObject().put("type", "Hashtag").put("name", "#1234");
        tags.addObject().put("type", "Mention").put("href", "javascript:alert(1)");
        tags.addObject().put("type", "Emoji").put("name", ":blob:");
        for (int i = 0; i < 120; i++) {
            tags.addObject().put("type", "Mention").put("href", "https://remote.example/users/u" + i);
            tags.addObject().put("type", "Hashtag").put("name", "#t" + i);
        }
        RemoteNote read = read(n);
        assertThat(read.hashtags()).hasSize(NoteReader.MAX_HASHTAGS).startsWith("Birds", "t0");
        assertThat(read.mentionUris()).hasSize(NoteReader.MAX_MENTIONS).allMatch(u -> u.startsWith("https://"));
    }

    @Test
    void contentIsSanitisedToMastodonsAllowlist() throws Exception {
        ObjectNode n = note();
        n.put("content", "<p onclick=\"x()\">a <span class=\"h-card evil\"><a class=\"u-url mention\" href=\"https://r.example/@a\">@a</a></span>"
                + "<script>alert(1)</script><img src=x onerror=y><a href=\"javascript:z()\">z</a> <span class=\"invisible\">https://</span></p>");
        String html = read(n).content();
        assertThat(html).doesNotContain("onclick", "script", "alert", "<img", "onerror", "javascript", "evil")
                .contains("class=\"h-card\"", "class=\"u-url mention\"", "class=\"invisible\"", "</span>z "); // the bad link is its bare text
    }

    @Test
    void questionsAreReadAsPolls() throws Exception {
        ObjectNode q = note();
        q.put("type", "Question").put("closed", "2025-03-01T11:00:00Z");
        ArrayNode any = q.putArray("anyOf");
        for (int i = 0; i < 30; i++) {
            any.addObject().put("type", "Note").put("name", "option " + i).putObject("replies").put("totalItems", i);
        }
        RemoteNote.RemotePoll poll = read(q).poll();
        assertThat(poll.multiple()).isTrue();
        assertThat(poll.closed()).isTrue();
        assertThat(poll.endTime()).isEqualTo(Instant.parse("2025-03-01T11:00:00Z"));
        assertThat(poll.options()).hasSize(NoteReader.MAX_POLL_OPTIONS);
        assertThat(poll.options().get(3)).isEqualTo(new RemoteNote.Option("option 3", 3));
        assertThat(poll.votersCount()).isNull();
        assertThat(read(note()).poll()).isNull();
    }
}
