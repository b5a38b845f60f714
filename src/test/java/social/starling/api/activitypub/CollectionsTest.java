package social.starling.api.activitypub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.ApiClient;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/** A local actor's outbox, followers, following and featured collections, paged as Mastodon pages them. */
class CollectionsTest {
    @RegisterExtension
    static TestApp app = TestApp.create();

    static String base;
    static String outbox;
    /** The writer's statuses an unsigned fetch may see, newest first (as activity ids). */
    static final List<String> visible = new ArrayList<>();
    static final List<String> pinned = new ArrayList<>();
    static HttpTester writer;
    static HttpTester hider;

    @BeforeAll
    static void setUp() {
        for (String name : List.of("writer", "bob", "dave", "hider")) {
            app.fixtures().account(name);
        }
        base = app.baseUrl();
        outbox = base + "/users/writer/outbox";
        ApiClient client = ApiClient.register(app.http(), "read write follow");
        writer = client.as("writer", "read write follow");
        HttpTester bob = client.as("bob", "read write follow");
        HttpTester dave = client.as("dave", "read write follow");
        hider = client.as("hider", "read write follow");

        String bobs = bob.postJson("/api/v1/statuses", "{\"status\": \"bob here\"}").json().get("id").asText();
        for (int i = 0; i < 27; i++) {
            String visibility = i == 5 ? "private" : i == 9 ? "direct" : i % 10 == 3 ? "unlisted" : "public";
            String text = (visibility.equals("direct") ? "@bob " : "") + "status " + i;
            String id = writer.postJson("/api/v1/statuses", "{\"status\": \"" + text + "\", \"visibility\": \""
                    + visibility + "\"}").json().get("id").asText();
            if (!visibility.equals("private") && !visibility.equals("direct")) {
                visible.addFirst(base + "/users/writer/statuses/" + id + "/activity");
            }
            if (i == 1 || i == 2 || i == 5) {
                assertThat(writer.post("/api/v1/statuses/" + id + "/pin").status()).isEqualTo(200);
                if (i != 5) {
                    pinned.addFirst(base + "/users/writer/statuses/" + id);
                }
            }
            if (i == 20) {
                String reblog = writer.post("/api/v1/statuses/" + bobs + "/reblog").json().get("id").asText();
                visible.addFirst(base + "/users/writer/statuses/" + reblog + "/activity");
            }
        }
        String writerId = app.fixtures().account("writer").id() + "";
        assertThat(bob.post("/api/v1/accounts/" + writerId + "/follow").status()).isEqualTo(200);
        assertThat(dave.post("/api/v1/accounts/" + writerId + "/follow").status()).isEqualTo(200);
        assertThat(writer.post("/api/v1/accounts/" + app.fixtures().account("bob").id() + "/follow").status())
                .isEqualTo(200);
        assertThat(bob.post("/api/v1/accounts/" + app.fixtures().account("hider").id() + "/follow").status())
                .isEqualTo(200);
        assertThat(hider.patchJson("/api/v1/accounts/update_credentials", "{\"hide_collections\": true}").status())
                .isEqualTo(200);
    }

    static JsonNode get(String url) {
        HttpResult r = Fetch.as2(app.http(), url);
        assertThat(r.status()).as(url + ": " + r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).hasValue("application/activity+json; charset=utf-8");
        return r.json();
    }

    static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.get("orderedItems").spliterator(), false)
                .map(n -> n.isTextual() ? n.asText() : n.get("id").asText()).toList();
    }

    @Test
    void outboxNamesItsSizeAndPages() {
        JsonNode root = get(outbox);
        int statuses = app.http().get("/api/v1/accounts/" + app.fixtures().account("writer").id()).json()
                .get("statuses_count").asInt();
        assertThat(root.get("type").asText()).isEqualTo("OrderedCollection");
        assertThat(root.get("totalItems").asInt()).as("every status, as Mastodon's statuses_count").isEqualTo(statuses);
        assertThat(root.get("first").asText()).isEqualTo(outbox + "?page=true");
        assertThat(root.get("last").asText()).isEqualTo(outbox + "?min_id=0&page=true");
        assertThat(root.has("orderedItems")).isFalse();

        JsonNode first = get(root.get("first").asText());
        assertThat(first.get("type").asText()).isEqualTo("OrderedCollectionPage");
        assertThat(first.get("id").asText()).isEqualTo(outbox + "?page=true");
        assertThat(first.get("partOf").asText()).isEqualTo(outbox);
        assertThat(ids(first)).containsExactlyElementsOf(visible.subList(0, 20));
        JsonNode create = first.get("orderedItems").get(1);
        assertThat(create.get("type").asText()).isEqualTo("Create");
        assertThat(create.get("object").get("type").asText()).isEqualTo("Note");
        assertThat(create.has("@context")).isFalse();
        assertThat(first.get("@context").get(0).asText()).isEqualTo("https://www.w3.org/ns/activitystreams");
        JsonNode announce = StreamSupport.stream(first.get("orderedItems").spliterator(), false)
                .filter(n -> n.get("type").asText().equals("Announce")).findFirst().orElseThrow();
        assertThat(announce.get("object").asText()).startsWith(base + "/users/bob/statuses/");

        JsonNode second = get(first.get("next").asText());
        assertThat(ids(second)).containsExactlyElementsOf(visible.subList(20, visible.size()));
        assertThat(second.has("next")).as("a short page is the last").isFalse();
        assertThat(ids(get(second.get("prev").asText()))).containsExactlyElementsOf(visible.subList(0, 20));

        JsonNode last = get(root.get("last").asText());
        assertThat(ids(last)).containsExactlyElementsOf(visible.subList(visible.size() - 20, visible.size()));
    }

    @Test
    void followersAndFollowingListActorIds() {
        JsonNode followers = get(base + "/users/writer/followers");
        assertThat(followers.get("type").asText()).isEqualTo("OrderedCollection");
        assertThat(followers.get("totalItems").asInt()).isEqualTo(2);
        JsonNode page = get(followers.get("first").asText());
        assertThat(page.get("type").asText()).isEqualTo("OrderedCollectionPage");
        assertThat(page.get("partOf").asText()).isEqualTo(base + "/users/writer/followers");
        assertThat(page.get("totalItems").asInt()).isEqualTo(2);
        assertThat(ids(page)).containsExactly(base + "/users/dave", base + "/users/bob");
        assertThat(page.has("next")).isFalse();
        assertThat(ids(get(base + "/users/writer/followers?page=1"))).as("Mastodon's page=1").hasSize(2);

        JsonNode following = get(base + "/users/writer/following");
        assertThat(following.get("totalItems").asInt()).isEqualTo(1);
        assertThat(ids(get(following.get("first").asText()))).containsExactly(base + "/users/bob");
    }

    @Test
    void hiddenCollectionsShowOnlyTheirSize() {
        JsonNode followers = get(base + "/users/hider/followers");
        assertThat(followers.get("totalItems").asInt()).isEqualTo(1);
        assertThat(followers.has("first")).isFalse();
        assertThat(Fetch.as2(app.http(), base + "/users/hider/followers?page=true").status()).isEqualTo(403);
        assertThat(Fetch.as2(app.http(), base + "/users/hider/following?page=true").status()).isEqualTo(403);
    }

    @Test
    void featuredHoldsThePinnedPublicNotes() {
        JsonNode featured = get(base + "/users/writer/collections/featured");
        assertThat(featured.get("type").asText()).isEqualTo("OrderedCollection");
        assertThat(featured.get("totalItems").asInt()).isEqualTo(2);
        assertThat(ids(featured)).containsExactlyElementsOf(pinned);
        assertThat(featured.get("orderedItems").get(0).get("type").asText()).isEqualTo("Note");

        JsonNode tags = get(base + "/users/writer/collections/tags");
        assertThat(tags.get("type").asText()).isEqualTo("Collection");
        assertThat(tags.get("totalItems").asInt()).isZero();
        assertThat(tags.get("items")).isEmpty();
    }

    @Test
    void collectionsOfUnknownAccountsAreNotFound() {
        for (String path : List.of("/outbox", "/followers", "/following", "/collections/featured",
                "/collections/tags", "/collections/devices")) {
            assertThat(Fetch.as2(app.http(), base + "/users/nobody" + path).status()).as(path).isEqualTo(404);
        }
    }
}
