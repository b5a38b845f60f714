package social.starling.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.model.Rule;
import social.starling.testing.TestApp;

/** The landing page, the privacy policy and the terms of service, as a newcomer sees them. */
class LandingPageTest {
    @RegisterExtension
    static TestApp server = TestApp.create()
            .with("STARLING_TITLE", "Birdhouse <Social>")
            .with("STARLING_DESCRIPTION", "A cosy place for bird & nature people.")
            .with("STARLING_CONTACT_EMAIL", "admins@example.test")
            .with("STARLING_REGISTRATIONS", "approval");

    @BeforeAll
    static void rules() {
        var app = server.app();
        app.core().db().inTransaction(tx -> {
            app.repos().rules().insert(tx, new Rule(app.core().ids().next(), "Be kind <script>", "No harassment.", 0), Instant.now());
            app.repos().rules().insert(tx, new Rule(app.core().ids().next(), "No spam", "", 1), Instant.now());
            return null;
        });
    }

    @Test
    void explainsTheFediverseTheServerItsRulesAndHowToJoin() {
        WebClient browser = new WebClient(server.baseUrl());
        for (String path : new String[] {"/", "/about"}) {
            WebClient.Page page = browser.get(path);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            Document doc = page.doc();
            assertThat(doc.selectFirst("html").attr("lang")).isEqualTo("en");
            assertThat(doc.selectFirst("meta[name=viewport]")).isNotNull();
            assertThat(doc.selectFirst("link[rel=stylesheet]").attr("href")).isEqualTo("/static/starling.css");
            assertThat(doc.selectFirst("h1").text()).isEqualTo("Birdhouse <Social>");
            assertThat(page.text())
                    .contains("follow and talk with anyone on any Mastodon-compatible server")
                    .contains("A cosy place for bird & nature people.")
                    .contains("Be kind <script>", "No harassment.", "No spam")
                    .contains("Sign-ups are reviewed by the staff")
                    .contains("admins@example.test")
                    .contains("@owner@");
            assertThat(doc.select("a[href=/auth/sign_up]")).isNotEmpty();
            assertThat(doc.select("a[href=/auth/sign_in]")).isNotEmpty();
            // user-provided text is escaped, never markup
            assertThat(page.body()).doesNotContain("<script>").doesNotContain("<Social>");
            assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        }
    }

    @Test
    void moderationPolicyIsTheExtendedDescriptionWhenThereIsOne() {
        var app = server.app();
        app.core().db().inTransaction(tx -> {
            app.repos().settings().put(tx, "extended_description", "<p>We moderate <strong>actively</strong>.</p>",
                    Instant.now());
            return null;
        });
        try {
            WebClient.Page page = new WebClient(server.baseUrl()).get("/about");
            var section = page.doc().selectFirst("section:has(#moderation)");
            assertThat(section.text()).contains("We moderate actively.");
            assertThat(section.select("strong").eachText()).contains("actively"); // admin HTML, rendered as HTML
        } finally {
            app.core().db().inTransaction(tx -> {
                app.repos().settings().put(tx, "extended_description", "", Instant.now());
                return null;
            });
        }
    }

    @Test
    void privacyPolicyFallsBackToTheDefaultText() {
        WebClient.Page page = new WebClient(server.baseUrl()).get("/privacy-policy");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.doc().select("h1").eachText()).containsExactly("Privacy policy");
        assertThat(page.text()).contains("What we collect");
    }

    @Test
    void termsOfServiceAre404UntilWritten() {
        WebClient browser = new WebClient(server.baseUrl());
        assertThat(browser.get("/terms-of-service").status()).isEqualTo(404);
        var app = server.app();
        app.core().db().inTransaction(tx -> {
            app.repos().settings().put(tx, "terms_of_service", "<h1>Terms</h1><p>Play nice.</p>", Instant.now());
            return null;
        });
        WebClient.Page page = browser.get("/terms-of-service");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Play nice.");
    }

    @Test
    void stylesheetIsServed() {
        WebClient.Page css = new WebClient(server.baseUrl()).get("/static/starling.css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.body()).contains("max-width");
    }
}
