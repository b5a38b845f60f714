package social.starling.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.db.TestSql;
import social.starling.model.Rule;
import social.starling.testing.Golden;
import social.starling.testing.HttpResult;
import social.starling.testing.TestApp;

/** The instance endpoints and discovery documents, compared with golden files written from Mastodon's docs. */
class InstanceApiTest {
    @RegisterExtension
    static TestApp server = TestApp.create()
            .with("STARLING_TITLE", "Starling Test")
            .with("STARLING_DESCRIPTION", "A server for tests.")
            .with("STARLING_CONTACT_EMAIL", "admins@example.test");

    @BeforeAll
    static void rules() {
        var app = server.app();
        app.core().db().inTransaction(tx -> {
            app.repos().rules().insert(tx, new Rule(app.core().ids().next(), "Be kind", "No harassment.", 0), Instant.now());
            app.repos().rules().insert(tx, new Rule(app.core().ids().next(), "No spam", "", 1), Instant.now());
            return null;
        });
        server.fixtures().account("alice");
        app.accounts().instance().refresh();
    }

    @Test
    void v2InstanceMatchesMastodonsEntity() {
        HttpResult r = server.http().get("/api/v2/instance");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type").orElse("")).startsWith("application/json");
        Golden.assertMatches("instance_v2.json", r.body());
        JsonNode json = r.json();
        assertThat(json.at("/version").asText()).startsWith("4.5.0 (compatible; Starling ");
        assertThat(json.at("/configuration/urls/streaming").asText()).startsWith("ws://localhost:");
        assertThat(json.at("/contact/account/username").asText()).isEqualTo("owner");
        assertThat(json.at("/api_versions/mastodon").asInt()).isPositive();
    }

    @Test
    void v1InstanceMatchesMastodonsEntityWithRealCounts() {
        HttpResult r = server.http().get("/api/v1/instance");
        assertThat(r.status()).isEqualTo(200);
        Golden.assertMatches("instance_v1.json", r.body());
        assertThat(r.json().at("/stats/user_count").asInt()).isEqualTo(2); // the owner and alice
    }

    @Test
    void rulesArePublic() {
        HttpResult r = server.http().get("/api/v1/instance/rules");
        assertThat(r.status()).isEqualTo(200);
        Golden.assertMatches("instance_rules.json", r.body());
    }

    @Test
    void nodeInfoDiscoveryAndDocuments() {
        HttpResult discovery = server.http().get("/.well-known/nodeinfo");
        assertThat(discovery.status()).isEqualTo(200);
        Golden.assertMatches("nodeinfo_discovery.json", discovery.body());

        HttpResult v20 = server.http().get("/nodeinfo/2.0");
        assertThat(v20.status()).isEqualTo(200);
        assertThat(v20.header("Content-Type").orElse("")).contains("nodeinfo.diaspora.software/ns/schema/2.0");
        Golden.assertMatches("nodeinfo_2.0.json", v20.body());
        assertThat(v20.json().at("/usage/users/total").asInt()).isEqualTo(2);

        HttpResult v21 = server.http().get("/nodeinfo/2.1");
        Golden.assertMatches("nodeinfo_2.1.json", v21.body());
        assertThat(v21.json().at("/metadata/upstream/name").asText()).isEqualTo("mastodon");
        assertThat(server.http().get("/nodeinfo/3.0").status()).isEqualTo(404);
    }

    @Test
    void peersActivityAndDomainBlocks() {
        assertThat(server.http().get("/api/v1/instance/peers").body()).isEqualTo("[]");
        // Hidden unless the admin publishes it (STARLING_SHOW_DOMAIN_BLOCKS; InstanceDefaultsTest has the rest).
        assertThat(server.http().get("/api/v1/instance/domain_blocks").status()).isEqualTo(404);
        HttpResult activity = server.http().get("/api/v1/instance/activity");
        assertThat(activity.json()).hasSize(12);
        JsonNode thisWeek = activity.json().get(0);
        assertThat(thisWeek.get("week").isTextual()).isTrue();
        assertThat(thisWeek.get("registrations").asText()).isEqualTo("2");
        assertThat(thisWeek.get("statuses").isTextual()).isTrue();
        assertThat(thisWeek.get("logins").isTextual()).isTrue();
    }

    @Test
    void pagesHaveMastodonsShape() {
        JsonNode description = server.http().get("/api/v1/instance/extended_description").json();
        assertThat(description.fieldNames()).toIterable().containsExactlyInAnyOrder("updated_at", "content");
        assertThat(description.get("content").asText()).contains("A server for tests.");
        JsonNode privacy = server.http().get("/api/v1/instance/privacy_policy").json();
        assertThat(privacy.get("content").asText()).contains("Privacy policy");
        // No terms written: Mastodon answers 404 too.
        HttpResult terms = server.http().get("/api/v1/instance/terms_of_service");
        assertThat(terms.status()).isEqualTo(404);
        assertThat(terms.json().get("error").asText()).isEqualTo("Record not found");
    }

    @Test
    void termsOfServiceOnceWritten() {
        var app = server.app();
        app.core().db().inTransaction(tx -> {
            app.repos().settings().put(tx, "terms_of_service", "<p>Be excellent.</p>", Instant.parse("2026-01-02T03:04:05Z"));
            return null;
        });
        try {
            JsonNode terms = server.http().get("/api/v1/instance/terms_of_service").json();
            assertThat(terms.get("effective_date").asText()).isEqualTo("2026-01-02");
            assertThat(terms.get("effective").asBoolean()).isTrue();
            assertThat(terms.get("content").asText()).isEqualTo("<p>Be excellent.</p>");
            assertThat(terms.has("succeeded_by")).isTrue();
        } finally {
            app.core().db().inTransaction(tx -> TestSql.dsl(tx).deleteFrom(social.starling.db.schema.Tables.INSTANCE_SETTINGS)
                    .execute());
        }
    }

    @Test
    void hostMetaPointsAtWebFinger() {
        HttpResult xml = server.http().get("/.well-known/host-meta");
        assertThat(xml.header("Content-Type").orElse("")).startsWith("application/xrd+xml");
        assertThat(xml.body()).contains("rel=\"lrdd\"").contains("/.well-known/webfinger?resource={uri}");
        HttpResult json = server.http().get("/.well-known/host-meta.json");
        assertThat(json.json().at("/links/0/rel").asText()).isEqualTo("lrdd");
    }
}
