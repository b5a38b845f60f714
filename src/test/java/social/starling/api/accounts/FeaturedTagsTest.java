package social.starling.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.ApiClient;
import social.starling.testing.Golden;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/** Featured hashtags: the list, featuring and unfeaturing, suggestions, and the Tag's {@code featuring}. */
class FeaturedTagsTest {
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

    static HttpResult ok(HttpResult r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    static void post(HttpTester who, String text, String visibility) {
        ok(who.postJson("/api/v1/statuses", "{\"status\": \"" + text + "\", \"visibility\": \"" + visibility + "\"}"));
    }

    static List<String> names(HttpResult r) {
        List<String> out = new ArrayList<>();
        ok(r).json().forEach(n -> out.add(n.get("name").asText()));
        return out;
    }

    @Test
    void featuringATagShowsHowOftenItWasUsed() {
        HttpTester ivy = as("ivy");
        String ivyId = ivy.get("/api/v1/accounts/verify_credentials").json().get("id").asText();
        post(ivy, "first #Cats", "public");
        post(ivy, "again #cats", "unlisted");
        post(ivy, "quiet #cats", "private");
        post(ivy, "a #dogs day", "public");

        HttpResult created = ok(ivy.postForm("/api/v1/featured_tags", Map.of("name", "#Cats")));
        Golden.assertMatches("featured_tag.json", created.body());
        JsonNode tag = created.json();
        assertThat(tag.get("name").asText()).isEqualTo("Cats");
        // As Mastodon's serializer writes them: the count as a string, the last use as a date.
        assertThat(tag.get("statuses_count").asText()).isEqualTo("2");
        assertThat(tag.get("statuses_count").isTextual()).isTrue();
        assertThat(tag.get("last_status_at").asText())
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(tag.get("url").asText()).endsWith("/@ivy/tagged/cats");

        HttpResult unused = ok(ivy.postJson("/api/v1/featured_tags", "{\"name\": \"birds\"}"));
        assertThat(unused.json().get("statuses_count").asText()).isEqualTo("0");
        assertThat(unused.json().get("last_status_at").isNull()).isTrue();

        assertThat(names(ivy.get("/api/v1/featured_tags"))).containsExactly("Cats", "birds");
        assertThat(names(server.http().get("/api/v1/accounts/" + ivyId + "/featured_tags")))
                .containsExactly("Cats", "birds");
        assertThat(server.http().get("/api/v1/accounts/999999999/featured_tags").status()).isEqualTo(404);

        HttpResult again = ivy.postForm("/api/v1/featured_tags", Map.of("name", "cats"));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().get("error").asText()).isEqualTo("Validation failed: Name has already been taken");
        assertThat(ivy.postForm("/api/v1/featured_tags", Map.of("name", "not a tag")).status()).isEqualTo(422);
        assertThat(ivy.postForm("/api/v1/featured_tags", Map.of("name", "")).status()).isEqualTo(422);

        // Someone else cannot remove it; its owner can, once.
        String birdsId = unused.json().get("id").asText();
        assertThat(as("jay").delete("/api/v1/featured_tags/" + birdsId).status()).isEqualTo(404);
        HttpResult deleted = ok(ivy.delete("/api/v1/featured_tags/" + birdsId));
        assertThat(deleted.json().isObject() && deleted.json().isEmpty()).isTrue();
        assertThat(ivy.delete("/api/v1/featured_tags/" + birdsId).status()).isEqualTo(404);
        assertThat(names(ivy.get("/api/v1/featured_tags"))).containsExactly("Cats");

        assertThat(server.http().get("/api/v1/featured_tags").status()).isEqualTo(401);
        assertThat(client.as("ivy", "read").postForm("/api/v1/featured_tags", Map.of("name", "x")).status())
                .isEqualTo(403);
    }

    @Test
    void theActorsFeaturedTagsCollectionListsThemAsHashtags() {
        HttpTester olga = as("olga");
        ok(olga.postForm("/api/v1/featured_tags", Map.of("name", "Rowing")));
        HttpResult r = server.http().send("GET", "/users/olga/collections/tags",
                Map.of("Accept", "application/activity+json"), null);
        JsonNode tags = ok(r).json();
        assertThat(tags.get("type").asText()).isEqualTo("Collection");
        assertThat(tags.get("totalItems").asInt()).isEqualTo(1);
        JsonNode hashtag = tags.get("items").get(0);
        assertThat(hashtag.get("type").asText()).isEqualTo("Hashtag");
        assertThat(hashtag.get("name").asText()).isEqualTo("#Rowing");
        assertThat(hashtag.get("href").asText()).endsWith("/@olga/tagged/rowing");
        assertThat(tags.get("@context").toString()).contains("Hashtag");
    }

    @Test
    void atMostTenTagsAreFeatured() {
        HttpTester kit = as("kit");
        for (int i = 0; i < 10; i++) {
            ok(kit.postForm("/api/v1/featured_tags", Map.of("name", "tag" + i)));
        }
        HttpResult eleventh = kit.postForm("/api/v1/featured_tags", Map.of("name", "tag10"));
        assertThat(eleventh.status()).isEqualTo(422);
        assertThat(eleventh.json().get("error").asText()).contains("maximum number of hashtags");
    }

    @Test
    void suggestionsAreTheTagsUsedMostThatAreNotFeaturedYet() {
        HttpTester lea = as("lea");
        post(lea, "#knitting and #tea", "public");
        post(lea, "more #knitting", "public");
        post(lea, "#knitting in private", "private");
        post(lea, "#garden", "public");
        ok(lea.postForm("/api/v1/featured_tags", Map.of("name", "garden")));

        HttpResult suggested = ok(lea.get("/api/v1/featured_tags/suggestions"));
        assertThat(names(suggested)).containsExactly("knitting", "tea");
        JsonNode first = suggested.json().get(0);
        assertThat(first.get("history")).hasSize(7);
        assertThat(first.get("url").asText()).endsWith("/tags/knitting");
        assertThat(first.get("featuring").asBoolean()).isFalse();
        assertThat(server.http().get("/api/v1/featured_tags/suggestions").status()).isEqualTo(401);
    }

    @Test
    void featureAndUnfeatureAnswerTheTag() {
        HttpTester max = as("max");
        HttpResult featured = ok(max.post("/api/v1/tags/Sailing/feature"));
        assertThat(featured.json().get("name").asText()).isEqualTo("Sailing");
        assertThat(featured.json().get("featuring").asBoolean()).isTrue();
        ok(max.post("/api/v1/tags/sailing/feature"));
        assertThat(names(max.get("/api/v1/featured_tags"))).containsExactly("Sailing");
        assertThat(ok(max.get("/api/v1/tags/sailing")).json().get("featuring").asBoolean()).isTrue();
        assertThat(ok(as("ned").get("/api/v1/tags/sailing")).json().get("featuring").asBoolean()).isFalse();
        assertThat(ok(server.http().get("/api/v1/tags/sailing")).json().has("featuring")).isFalse();

        assertThat(ok(max.post("/api/v1/tags/sailing/unfeature")).json().get("featuring").asBoolean()).isFalse();
        assertThat(names(max.get("/api/v1/featured_tags"))).isEmpty();
        ok(max.post("/api/v1/tags/sailing/unfeature"));
        assertThat(max.post("/api/v1/tags/no%20tag/feature").status()).isEqualTo(404);
        assertThat(client.as("max", "read").post("/api/v1/tags/sailing/feature").status()).isEqualTo(403);
    }
}
