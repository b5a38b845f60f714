package social.starling.api.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.Golden;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/** GET and POST /api/v1/markers. */
class MarkersApiTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    static People people;

    @BeforeAll
    static void setUp() {
        people = new People(server);
    }

    @Test
    void roundTripWithVersions() {
        HttpTester mo = people.as("mo");
        assertThat(mo.get("/api/v1/markers?timeline[]=home&timeline[]=notifications").json().isEmpty()).isTrue();

        HttpResult saved = mo.postForm("/api/v1/markers", HttpTester.form("home[last_read_id]", "103194548672408537"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        JsonNode home = saved.json().get("home");
        assertThat(home.get("last_read_id").asText()).isEqualTo("103194548672408537");
        assertThat(home.get("version").asInt()).isZero();
        assertThat(saved.json().has("notifications")).isFalse();
        Golden.assertMatches("marker.json", saved.body());

        HttpResult both = mo.postJson("/api/v1/markers", """
                {"home": {"last_read_id": "103194548672408540"}, "notifications": {"last_read_id": "35098814"}}""");
        assertThat(both.status()).as(both.body()).isEqualTo(200);
        assertThat(both.json().get("home").get("version").asInt()).isEqualTo(1);
        assertThat(both.json().get("home").get("last_read_id").asText()).isEqualTo("103194548672408540");
        assertThat(both.json().get("notifications").get("version").asInt()).isZero();

        // Saving the same position again is no change.
        mo.postJson("/api/v1/markers", "{\"home\": {\"last_read_id\": \"103194548672408540\"}}");
        JsonNode read = mo.get("/api/v1/markers?timeline[]=home&timeline[]=notifications").json();
        assertThat(read.get("home").get("version").asInt()).isEqualTo(1);
        assertThat(read.get("notifications").get("last_read_id").asText()).isEqualTo("35098814");
        assertThat(read.get("home").get("updated_at").asText()).isNotBlank();

        JsonNode onlyHome = mo.get("/api/v1/markers?timeline[]=home&timeline[]=lists").json();
        assertThat(onlyHome.has("home")).isTrue();
        assertThat(onlyHome.has("notifications")).isFalse();
        assertThat(mo.get("/api/v1/markers").json().isEmpty()).isTrue();
        assertThat(mo.get("/api/v1/markers?timeline=notifications").json().has("notifications")).isTrue();

        // Markers are per person.
        assertThat(people.as("nobody").get("/api/v1/markers?timeline[]=home").json().isEmpty()).isTrue();
    }

    @Test
    void badInputStoresNothing() {
        HttpTester val = people.as("val");
        HttpResult blank = val.postJson("/api/v1/markers",
                "{\"home\": {\"last_read_id\": \"5\"}, \"notifications\": {\"last_read_id\": \"\"}}");
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.json().get("error").asText()).isEqualTo("Validation failed: Last read can't be blank");
        assertThat(val.postJson("/api/v1/markers", "{\"home\": {}}").status()).isEqualTo(422);
        assertThat(val.postJson("/api/v1/markers", "{\"home\": {\"last_read_id\": \"abc\"}}").status())
                .isEqualTo(422);
        assertThat(val.get("/api/v1/markers?timeline[]=home&timeline[]=notifications").json().isEmpty()).isTrue();
        // Unknown timelines are ignored.
        HttpResult other = val.postJson("/api/v1/markers", "{\"lists\": {\"last_read_id\": \"5\"}}");
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.json().isEmpty()).isTrue();
    }

    @Test
    void scopes() {
        assertThat(server.http().get("/api/v1/markers?timeline[]=home").status()).isEqualTo(401);
        HttpTester reader = people.withScopes("sc", "read:statuses");
        assertThat(reader.get("/api/v1/markers?timeline[]=home").status()).isEqualTo(200);
        assertThat(reader.postJson("/api/v1/markers", "{\"home\": {\"last_read_id\": \"5\"}}").status())
                .isEqualTo(403);
    }
}
