package social.starling.api.web.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.api.web.WebClient;
import social.starling.api.web.WebTesting;
import social.starling.testing.ApiClient;
import social.starling.testing.Fixtures;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * The web client's settings, as a browser without JavaScript uses them: profile (texts, fields, flags, avatar),
 * preferences, password, authorised apps and the export of followed accounts. Hostile text is saved as typed and
 * renders inert; a refused form keeps what was typed and answers 422; a form without the CSRF token changes nothing.
 */
class WebSettingsTest {
    @RegisterExtension
    static TestApp app = TestApp.create();

    private static final String HOSTILE_NAME = "<script>alert(1)</script>\u202E";
    private static final String HOSTILE_BIO = "<img src=x onerror=alert(1)> <a href=\"javascript:alert(1)\">click</a> "
            + "\u202Egnp.exe <script>alert(2)</script>";

    private static WebClient signedIn(String username) {
        app.fixtures().account(username);
        WebClient browser = new WebClient(app.baseUrl());
        WebTesting.signIn(browser, username + "@example.test", Fixtures.PASSWORD);
        return browser;
    }

    private static HttpTester api(String username) {
        app.fixtures().account(username);
        return ApiClient.register(app.http(), "read write follow").as(username, "read write follow");
    }

    /** Nothing in the page can run: no script but the served ones, no event handler, no javascript: link. */
    private static void assertInert(Document doc) {
        assertThat(doc.select("script").stream().filter(s -> !s.attr("src").startsWith("/static/vendor/")))
                .as(doc.outerHtml()).isEmpty();
        assertThat(doc.select("[onerror], [onload], [onclick]")).isEmpty();
        assertThat(doc.select("a[href]").stream()
                .filter(a -> a.attr("href").strip().toLowerCase().startsWith("javascript:"))).isEmpty();
        assertThat(doc.select("img[src=x]")).isEmpty();
    }

    @Test
    void hostileProfileTextIsSavedAndRendersInert() {
        WebClient browser = signedIn("wsprofile");
        WebClient.Page form = browser.get("/web/settings/profile");
        assertThat(form.status()).as(form.toString()).isEqualTo(200);
        WebClient.Page saved = browser.submit(form.form("/web/settings/profile"), WebClient.fields(
                "display_name", HOSTILE_NAME, "note", HOSTILE_BIO,
                "fields_attributes[0][name]", "<script>f()</script>",
                "fields_attributes[0][value]", "javascript:alert(3)",
                "fields_attributes[1][name]", "Site", "fields_attributes[1][value]", "https://example.org/\u202Eevil",
                "locked", "1", "bot", "1", "indexable", "0"));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(303);
        assertThat(saved.location()).hasValue("/web/settings/profile?saved=1");

        var me = api("wsprofile").get("/api/v1/accounts/verify_credentials").json();
        assertThat(me.get("display_name").asText()).isEqualTo(HOSTILE_NAME.strip());
        assertThat(me.path("source").path("note").asText()).isEqualTo(HOSTILE_BIO);
        assertThat(me.get("locked").asBoolean()).isTrue();
        assertThat(me.get("bot").asBoolean()).isTrue();
        assertThat(me.get("indexable").asBoolean()).isFalse();
        assertThat(me.path("source").path("fields")).hasSize(2);

        WebClient.Page again = browser.get(saved.location().orElseThrow());
        assertThat(again.doc().selectFirst("[role=status]").text()).isEqualTo("Saved.");
        assertInert(again.doc());
        assertThat(again.doc().selectFirst("#display_name").attr("value")).isEqualTo(HOSTILE_NAME.strip());
        assertThat(again.doc().selectFirst("#note").text()).isEqualTo(HOSTILE_BIO);
        assertThat(again.doc().selectFirst("#field-0-value").attr("value")).isEqualTo("javascript:alert(3)");
        assertThat(again.doc().selectFirst("#locked").hasAttr("checked")).isTrue();
        assertThat(again.doc().selectFirst("#indexable").hasAttr("checked")).isFalse();

        WebClient.Page pub = new WebClient(app.baseUrl()).get("/@wsprofile");
        assertThat(pub.status()).as(pub.toString()).isEqualTo(200);
        assertInert(pub.doc());
        assertThat(pub.body()).doesNotContain("<script>alert").doesNotContain("<img src=x");
        assertThat(pub.text()).contains("<script>alert(1)</script>");
        assertThat(pub.doc().selectFirst("meta[name=robots][content=noindex]")).isNotNull();
    }

    @Test
    void aRefusedProfileKeepsWhatWasTypedAndAFormWithoutTheTokenChangesNothing() {
        WebClient browser = signedIn("wsrefused");
        WebClient.Page form = browser.get("/web/settings/profile");
        String tooLong = "x".repeat(31);
        WebClient.Page refused = browser.submit(form.form("/web/settings/profile"),
                WebClient.fields("display_name", tooLong, "note", "kept bio"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.doc().selectFirst("[role=alert]").text()).contains("Display name is too long");
        assertThat(refused.doc().selectFirst("#display_name").attr("value")).isEqualTo(tooLong);
        assertThat(refused.doc().selectFirst("#note").text()).isEqualTo("kept bio");

        WebClient.Page forged = browser.post("/web/settings/profile", WebClient.fields("display_name", "Forged"));
        assertThat(forged.status()).isEqualTo(422);
        WebClient.Page forgedPrefs = browser.post("/web/settings/preferences",
                WebClient.fields("source[privacy]", "private"));
        assertThat(forgedPrefs.status()).isEqualTo(422);
        WebClient.Page forgedPassword = browser.post("/web/settings/password", WebClient.fields(
                "current_password", Fixtures.PASSWORD, "password", "forged forged forged",
                "password_confirmation", "forged forged forged"));
        assertThat(forgedPassword.status()).isEqualTo(422);
        var me = api("wsrefused").get("/api/v1/accounts/verify_credentials").json();
        assertThat(me.get("display_name").asText()).isNotEqualTo("Forged");
        assertThat(me.path("source").path("note").asText()).isEmpty();
        assertThat(me.path("source").path("privacy").asText()).isEqualTo("public");
    }

    @Test
    void anAvatarIsUploadedWithTheForm() throws Exception {
        WebClient browser = signedIn("wsavatar");
        WebClient.Page form = browser.get("/web/settings/profile");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("authenticity_token", form.doc().selectFirst("input[name=authenticity_token]").attr("value"));
        fields.put("display_name", "With picture");
        fields.put("note", "");
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xff0000);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        String boundary = "----websettings" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var f : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"avatar\"; filename=\"me.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(png.toByteArray());
        body.write(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"header\"; filename=\"\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(app.baseUrl() + "/web/settings/profile"))
                .header("Cookie", "_starling_session=" + browser.cookie("_starling_session").orElseThrow()
                        + "; _starling_csrf=" + browser.cookie("_starling_csrf").orElse(""))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
        var me = api("wsavatar").get("/api/v1/accounts/verify_credentials").json();
        assertThat(me.get("display_name").asText()).isEqualTo("With picture");
        assertThat(me.get("avatar").asText()).doesNotContain("missing").contains("/accounts/avatars/");
        assertThat(browser.get("/web/settings/profile").doc().selectFirst(".avatar-preview img").attr("src"))
                .isEqualTo(me.get("avatar_static").asText());
    }

    @Test
    void preferencesAreSavedAsTheApiSourceAndABadLanguageIsRefused() {
        WebClient browser = signedIn("wsprefs");
        WebClient.Page form = browser.get("/web/settings/preferences");
        assertThat(form.doc().selectFirst("#privacy-public").hasAttr("checked")).isTrue();
        WebClient.Page saved = browser.submit(form.form("/web/settings/preferences"), WebClient.fields(
                "source[privacy]", "private", "source[language]", "de", "source[sensitive]", "1"));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(303);
        var source = api("wsprefs").get("/api/v1/accounts/verify_credentials").json().path("source");
        assertThat(source.path("privacy").asText()).isEqualTo("private");
        assertThat(source.path("language").asText()).isEqualTo("de");
        assertThat(source.path("sensitive").asBoolean()).isTrue();

        WebClient.Page shown = browser.get("/web/settings/preferences");
        assertThat(shown.doc().selectFirst("#privacy-private").hasAttr("checked")).isTrue();
        assertThat(shown.doc().selectFirst("#sensitive").hasAttr("checked")).isTrue();
        WebClient.Page refused = browser.submit(shown.form("/web/settings/preferences"),
                WebClient.fields("source[language]", "<not a language>"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.doc().selectFirst("[role=alert]").text()).contains("Language is not included");
        assertThat(refused.doc().selectFirst("#language").attr("value")).isEqualTo("<not a language>");
    }

    @Test
    void thePasswordChangesOnlyWithTheCurrentOne() {
        WebClient browser = signedIn("wspass");
        WebClient.Page form = browser.get("/web/settings/password");
        String fresh = "a brand new long passphrase";
        WebClient.Page wrong = browser.submit(form.form("/web/settings/password"), WebClient.fields(
                "current_password", "not my password", "password", fresh, "password_confirmation", fresh));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.doc().selectFirst("[role=alert]").text()).contains("Current password is invalid");
        WebClient.Page mismatch = browser.submit(form.form("/web/settings/password"), WebClient.fields(
                "current_password", Fixtures.PASSWORD, "password", fresh, "password_confirmation", fresh + "!"));
        assertThat(mismatch.status()).isEqualTo(422);
        assertThat(mismatch.doc().selectFirst("[role=alert]").text()).contains("doesn't match");
        WebClient.Page weak = browser.submit(form.form("/web/settings/password"), WebClient.fields(
                "current_password", Fixtures.PASSWORD, "password", "short", "password_confirmation", "short"));
        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.doc().selectFirst("[role=alert]").text()).contains("too short");

        WebClient elsewhere = new WebClient(app.baseUrl());
        WebTesting.signIn(elsewhere, "wspass@example.test", Fixtures.PASSWORD);
        assertThat(elsewhere.get("/web/home").status()).isEqualTo(200);
        WebClient.Page changed = browser.submit(form.form("/web/settings/password"), WebClient.fields(
                "current_password", Fixtures.PASSWORD, "password", fresh, "password_confirmation", fresh));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(303);
        assertThat(browser.get(changed.location().orElseThrow()).doc().selectFirst("[role=status]").text())
                .isEqualTo("Saved.");
        // As Mastodon: the other browsers are signed out, this one stays.
        assertThat(elsewhere.get("/web/home").status()).isEqualTo(302);
        WebClient other = new WebClient(app.baseUrl());
        assertThat(WebTesting.signIn(other, "wspass@example.test", fresh).location()).hasValue("/web/home");
        WebClient old = new WebClient(app.baseUrl());
        assertThat(WebTesting.signIn(old, "wspass@example.test", Fixtures.PASSWORD).location())
                .isNotEqualTo(java.util.Optional.of("/web/home"));
    }

    @Test
    void revokingAnAppEndsItsTokens() {
        app.fixtures().account("wsapps");
        ApiClient client = ApiClient.register(app.http(), "read write");
        String token = client.login("wsapps", Fixtures.PASSWORD, "read write");
        HttpTester api = app.http().withToken(token);
        assertThat(api.get("/api/v1/accounts/verify_credentials").status()).isEqualTo(200);

        WebClient browser = signedIn("wsapps");
        WebClient.Page page = browser.get("/web/settings/applications");
        assertThat(page.status()).isEqualTo(200);
        Element listed = page.doc().selectFirst("article.authorized-app");
        assertThat(listed).as(page.toString()).isNotNull();
        assertThat(listed.text()).contains("Test client").contains("read").contains("write");
        Element revoke = listed.selectFirst("form");
        assertThat(browser.post(revoke.attr("action"), WebClient.fields()).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/accounts/verify_credentials").status()).isEqualTo(200);

        WebClient.Page revoked = browser.submit(revoke, WebClient.fields());
        assertThat(revoked.status()).isEqualTo(303);
        assertThat(api.get("/api/v1/accounts/verify_credentials").status()).isEqualTo(401);
        assertThat(browser.get("/web/settings/applications").doc().select("article.authorized-app")).isEmpty();
    }

    @Test
    void theExportListsTheFollowedAccountsInMastodonsCsv() {
        HttpTester fan = api("wsexport");
        long a = app.fixtures().account("wsfollowed1").id();
        long b = app.fixtures().account("wsfollowed2").id();
        assertThat(fan.postJson("/api/v1/accounts/" + a + "/follow", "{\"reblogs\":false,\"notify\":true}").status())
                .isEqualTo(200);
        assertThat(fan.postJson("/api/v1/accounts/" + b + "/follow", "{\"languages\":[\"en\",\"de\"]}").status())
                .isEqualTo(200);
        WebClient browser = signedIn("wsexport");
        WebClient.Page page = browser.get("/web/settings/export");
        assertThat(page.text()).contains("You follow 2 accounts");
        Element link = page.doc().selectFirst("a[href=/web/settings/export/following_accounts.csv]");
        assertThat(link).isNotNull();
        WebClient.Page csv = browser.get(link.attr("href"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String domain = app.app().core().domain();
        assertThat(csv.body().lines().toList()).containsExactlyInAnyOrder(
                "Account address,Show boosts,Notify on new posts,Languages",
                "wsfollowed1@" + domain + ",false,true,",
                "wsfollowed2@" + domain + ",true,false,\"en, de\"");
        assertThat(csv.body().lines().findFirst()).hasValue("Account address,Show boosts,Notify on new posts,Languages");
    }

    @Test
    void settingsNeedASignedInMember() {
        WebClient visitor = new WebClient(app.baseUrl());
        for (String path : new String[] {"/web/settings/profile", "/web/settings/preferences",
                "/web/settings/password", "/web/settings/applications", "/web/settings/export",
                "/web/settings/export/following_accounts.csv"}) {
            WebClient.Page page = visitor.get(path);
            assertThat(page.status()).as(path).isEqualTo(302);
            assertThat(page.location()).as(path).hasValue("/auth/sign_in");
        }
    }
}
