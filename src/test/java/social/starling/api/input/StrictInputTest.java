package social.starling.api.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.ApiClient;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * Text that cannot be stored and enum values that are not quite right: a NUL anywhere is refused (422, nothing
 * stored) identically on SQLite and PostgreSQL, other control characters are removed, and a visibility must be one
 * of Mastodon's four exactly (an absent one takes the account's default; an empty or misspelt one is a 422).
 */
class StrictInputTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    static HttpTester alice;

    @BeforeAll
    static void accounts() {
        server.fixtures().account("alice");
        alice = ApiClient.register(server.http(), "read write follow").as("alice", "read write follow");
    }

    private int statusCount() {
        String id = alice.get("/api/v1/accounts/verify_credentials").json().get("id").asText();
        return alice.get("/api/v1/accounts/" + id).json().get("statuses_count").asInt();
    }

    @Test
    void aNulIsRefusedWhereverItComesAndNothingIsStored() {
        int before = statusCount();
        for (String body : new String[]{"{\"status\": \"hello\\u0000world\"}",
                "{\"status\": \"fine\", \"spoiler_text\": \"cw\\u0000\"}",
                "{\"status\": \"fine\", \"visibility\": \"direct\\u0000\"}"}) {
            HttpResult r = alice.postJson("/api/v1/statuses", body);
            assertThat(r.status()).as(body + " → " + r.body()).isEqualTo(422);
            assertThat(r.json().get("error").asText()).contains("NUL");
        }
        HttpResult form = alice.postForm("/api/v1/statuses", Map.of("status", "form\u0000text"));
        assertThat(form.status()).isEqualTo(422);
        assertThat(statusCount()).isEqualTo(before);

        HttpResult profile = alice.patchJson("/api/v1/accounts/update_credentials",
                "{\"display_name\": \"Al\\u0000ice\"}");
        assertThat(profile.status()).isEqualTo(422);
        HttpResult list = alice.postJson("/api/v1/lists", "{\"title\": \"fr\\u0000iends\"}");
        assertThat(list.status()).isEqualTo(422);
        HttpResult filter = alice.postJson("/api/v2/filters",
                "{\"title\": \"t\", \"context\": [\"home\"], \"keywords_attributes\": [{\"keyword\": \"a\\u0000b\"}]}");
        assertThat(filter.status()).isEqualTo(422);
        assertThat(alice.get("/api/v1/accounts/verify_credentials").json().get("display_name").asText())
                .doesNotContain("\u0000");
    }

    @Test
    void otherControlCharactersAreRemoved() {
        HttpResult profile = alice.patchJson("/api/v1/accounts/update_credentials",
                "{\"display_name\": \"Al\\u0001i\\u001bce\\u007f\", \"note\": \"line one\\nline two\\ttab\"}");
        assertThat(profile.status()).as(profile.body()).isEqualTo(200);
        assertThat(profile.json().get("display_name").asText()).isEqualTo("Alice");
        assertThat(profile.json().get("source").get("note").asText()).isEqualTo("line one\nline two\ttab");
        HttpResult post = alice.postJson("/api/v1/statuses", "{\"status\": \"bell\\u0007 rings\"}");
        assertThat(post.status()).isEqualTo(200);
        assertThat(post.json().get("content").asText()).contains("bell rings");
    }

    @Test
    void enumValuesMustBeExactlyOneOfMastodons() {
        for (String bad : new String[]{"", "PUBLIC", "public ", "Direct", "everyone"}) {
            HttpResult r = alice.postForm("/api/v1/statuses", Map.of("status", "vis " + bad, "visibility", bad));
            assertThat(r.status()).as("'" + bad + "' → " + r.body()).isEqualTo(422);
            assertThat(r.json().get("error").asText()).contains("Visibility is not included in the list");
        }
        assertThat(alice.postForm("/api/v1/statuses", Map.of("status", "no visibility")).json().get("visibility")
                .asText()).isEqualTo("public");
        assertThat(alice.postForm("/api/v1/statuses", Map.of("status", "unlisted", "visibility", "unlisted")).json()
                .get("visibility").asText()).isEqualTo("unlisted");
        for (String bad : new String[]{"", "LIST", "list "}) {
            assertThat(alice.postJson("/api/v1/lists", "{\"title\": \"l\", \"replies_policy\": \"" + bad + "\"}")
                    .status()).as("replies_policy '" + bad + "'").isEqualTo(422);
        }
        for (String bad : new String[]{"", "HIDE", "hide "}) {
            assertThat(alice.postJson("/api/v2/filters", "{\"title\": \"f\", \"context\": [\"home\"], "
                    + "\"filter_action\": \"" + bad + "\"}").status()).as("filter_action '" + bad + "'")
                    .isEqualTo(422);
        }
        assertThat(alice.postJson("/api/v2/filters", "{\"title\": \"f\", \"context\": [\"home\"]}").json()
                .get("filter_action").asText()).isEqualTo("warn");
        String id = alice.postForm("/api/v1/statuses", Map.of("status", "boost me")).json().get("id").asText();
        assertThat(alice.postForm("/api/v1/statuses/" + id + "/reblog", Map.of("visibility", "")).status())
                .isEqualTo(422);
    }
}
