package social.starling.api.statuses;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.ApiClient;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/** The public timelines, and Mastodon's paging (max_id, since_id, min_id, limit, Link) on them. */
class PublicTimelineTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    static HttpTester alice;
    static List<String> posted = new ArrayList<>(); // oldest first

    @BeforeAll
    static void posts() {
        server.fixtures().account("alice");
        alice = ApiClient.register(server.http(), "read write").as("alice", "read write");
        for (int i = 0; i < 7; i++) {
            posted.add(alice.postJson("/api/v1/statuses", "{\"status\": \"public post " + i + "\"}").json()
                    .get("id").asText());
        }
        String parent = posted.getLast();
        alice.postJson("/api/v1/statuses", "{\"status\": \"unlisted\", \"visibility\": \"unlisted\"}");
        alice.postJson("/api/v1/statuses", "{\"status\": \"private\", \"visibility\": \"private\"}");
        // A self-reply stays (a thread); replies to others are left out.
        posted.add(alice.postJson("/api/v1/statuses", "{\"status\": \"thread\", \"in_reply_to_id\": \"" + parent
                + "\"}").json().get("id").asText());
    }

    static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.forEach(s -> out.add(s.get("id").asText()));
        return out;
    }

    @Test
    void onlyPublicStatusesNewestFirst() {
        JsonNode page = server.http().get("/api/v1/timelines/public").json();
        List<String> expected = new ArrayList<>(posted);
        java.util.Collections.reverse(expected);
        assertThat(ids(page)).containsExactlyElementsOf(expected);
        assertThat(server.http().get("/api/v1/timelines/public?local=true").json()).hasSize(posted.size());
        assertThat(server.http().get("/api/v1/timelines/public?remote=true").json()).isEmpty();
        assertThat(server.http().get("/api/v1/timelines/public?only_media=true").json()).isEmpty();
    }

    @Test
    void pagingWithMaxIdSinceIdMinIdAndLink() {
        List<String> newestFirst = new ArrayList<>(posted);
        java.util.Collections.reverse(newestFirst);

        HttpResult first = server.http().get("/api/v1/timelines/public?limit=3");
        assertThat(ids(first.json())).containsExactlyElementsOf(newestFirst.subList(0, 3));
        String link = first.header("Link").orElseThrow();
        assertThat(link).contains("max_id=" + newestFirst.get(2) + ">; rel=\"next\"")
                .contains("min_id=" + newestFirst.get(0) + ">; rel=\"prev\"").contains("limit=3");

        String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        assertThat(ids(server.http().get(next).json())).containsExactlyElementsOf(newestFirst.subList(3, 6));

        // since_id: the newest ones above the bound; min_id: the ones right after the bound.
        String bound = newestFirst.get(5);
        assertThat(ids(server.http().get("/api/v1/timelines/public?limit=2&since_id=" + bound).json()))
                .containsExactlyElementsOf(newestFirst.subList(0, 2));
        assertThat(ids(server.http().get("/api/v1/timelines/public?limit=2&min_id=" + bound).json()))
                .containsExactlyElementsOf(newestFirst.subList(3, 5));
        assertThat(server.http().get("/api/v1/timelines/public?max_id=" + newestFirst.getLast()).json()).isEmpty();
        assertThat(server.http().get("/api/v1/timelines/public?max_id=" + newestFirst.getLast())
                .header("Link")).isEmpty();
        assertThat(server.http().get("/api/v1/timelines/public?limit=1000").json()).hasSizeLessThanOrEqualTo(40);
    }

    @Test
    void homePagesTheSameWay() {
        HttpResult home = alice.get("/api/v1/timelines/home?limit=2");
        assertThat(home.json()).hasSize(2);
        assertThat(home.header("Link").orElseThrow()).contains("rel=\"next\"").contains("rel=\"prev\"");
        assertThat(server.http().get("/api/v1/timelines/home").status()).isEqualTo(401);
    }
}
