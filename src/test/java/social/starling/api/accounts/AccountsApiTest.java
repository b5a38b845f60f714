package social.starling.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.ApiClient;
import social.starling.testing.Golden;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/** The account endpoints: credentials, profile updates (with images), lookups, search and preferences. */
class AccountsApiTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    static HttpTester bob;
    static HttpTester carol;
    static String bobToken;

    @BeforeAll
    static void accounts() {
        server.fixtures().account("bob");
        server.fixtures().account("carol");
        ApiClient client = ApiClient.register(server.http(), "read write follow");
        bobToken = client.login("bob", social.starling.testing.Fixtures.PASSWORD, "read write follow");
        bob = server.http().withToken(bobToken);
        carol = client.as("carol", "read write");
    }

    @Test
    void accountAndCredentialAccountMatchMastodonsEntities() {
        HttpResult me = carol.get("/api/v1/accounts/verify_credentials");
        assertThat(me.status()).isEqualTo(200);
        Golden.assertMatches("credential_account.json", me.body());
        String id = me.json().get("id").asText();
        HttpResult pub = server.http().get("/api/v1/accounts/" + id);
        Golden.assertMatches("account.json", pub.body());
        assertThat(pub.json().has("source")).isFalse();
    }

    @Test
    void updatingTheProfileAsJsonFormsOrQuery() {
        HttpResult r = bob.patchJson("/api/v1/accounts/update_credentials", """
                {"display_name": "Bob Builder", "note": "I fix things.\\n\\nSee https://example.com/bob and #tools",
                 "locked": true, "bot": true, "discoverable": false, "hide_collections": true,
                 "fields_attributes": {"0": {"name": "Site", "value": "https://bob.example"},
                                       "1": {"name": "Pronouns", "value": "he/him"}},
                 "source": {"privacy": "unlisted", "sensitive": true, "language": "fr"}}""");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode a = r.json();
        assertThat(a.get("display_name").asText()).isEqualTo("Bob Builder");
        assertThat(a.get("note").asText()).startsWith("<p>I fix things.</p><p>See <a href=\"https://example.com/bob\"")
                .contains("#<span>tools</span>");
        assertThat(a.at("/source/note").asText()).isEqualTo("I fix things.\n\nSee https://example.com/bob and #tools");
        assertThat(a.get("locked").asBoolean()).isTrue();
        assertThat(a.get("bot").asBoolean()).isTrue();
        assertThat(a.get("discoverable").asBoolean()).isFalse();
        assertThat(a.get("fields")).hasSize(2);
        assertThat(a.at("/fields/0/value").asText()).contains("href=\"https://bob.example\"").contains("rel=\"");
        assertThat(a.at("/source/fields/0/value").asText()).isEqualTo("https://bob.example");
        assertThat(a.at("/source/privacy").asText()).isEqualTo("unlisted");
        assertThat(a.at("/source/sensitive").asBoolean()).isTrue();
        assertThat(a.at("/source/language").asText()).isEqualTo("fr");

        HttpResult form = bob.send("PATCH", "/api/v1/accounts/update_credentials",
                java.util.Map.of("Content-Type", "application/x-www-form-urlencoded"),
                HttpTester.encode(HttpTester.form("display_name", "Bob", "locked", "false")));
        assertThat(form.json().get("display_name").asText()).isEqualTo("Bob");
        assertThat(form.json().get("locked").asBoolean()).isFalse();
        assertThat(form.json().get("fields")).hasSize(2); // untouched

        HttpResult query = bob.send("PATCH", "/api/v1/accounts/update_credentials?fields_attributes[0][name]=Only"
                + "&fields_attributes[0][value]=one", java.util.Map.of(), null);
        assertThat(query.json().get("fields")).hasSize(1);

        JsonNode prefs = bob.get("/api/v1/preferences").json();
        assertThat(prefs.get("posting:default:visibility").asText()).isEqualTo("unlisted");
        assertThat(prefs.get("posting:default:sensitive").asBoolean()).isTrue();
        assertThat(prefs.get("posting:default:language").asText()).isEqualTo("fr");
        assertThat(prefs.has("reading:expand:media")).isTrue();
    }

    @Test
    void badProfileUpdatesAre422AndChangeNothing() {
        String before = bob.get("/api/v1/accounts/verify_credentials").body();
        assertThat(bob.patchJson("/api/v1/accounts/update_credentials",
                "{\"display_name\": \"" + "x".repeat(31) + "\"}").status()).isEqualTo(422);
        assertThat(bob.patchJson("/api/v1/accounts/update_credentials",
                "{\"note\": \"" + "x".repeat(501) + "\"}").status()).isEqualTo(422);
        assertThat(bob.patchJson("/api/v1/accounts/update_credentials", """
                {"fields_attributes": [{"name":"a","value":"1"},{"name":"b","value":"2"},{"name":"c","value":"3"},
                 {"name":"d","value":"4"},{"name":"e","value":"5"}]}""").status()).isEqualTo(422);
        assertThat(bob.patchJson("/api/v1/accounts/update_credentials",
                "{\"source\": {\"privacy\": \"direct\"}}").status()).isEqualTo(422);
        assertThat(bob.patchJson("/api/v1/accounts/update_credentials", "{\"display_name\": ").status())
                .isEqualTo(400);
        assertThat(bob.get("/api/v1/accounts/verify_credentials").body()).isEqualTo(before);
    }

    @Test
    void avatarAndHeaderUploadsAreResizedAndServed() throws Exception {
        byte[] png = image(1200, 900);
        HttpResult r = multipart("/api/v1/accounts/update_credentials", bobToken, "avatar", "me.png", "image/png", png,
                "display_name", "Bob with a face");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String avatar = r.json().get("avatar").asText();
        assertThat(avatar).contains("/system/accounts/avatars/").doesNotContain("missing.png");
        HttpResponse<byte[]> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(avatar))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(served.statusCode()).isEqualTo(200);
        BufferedImage stored = ImageIO.read(new java.io.ByteArrayInputStream(served.body()));
        assertThat(stored.getWidth()).isEqualTo(400);
        assertThat(stored.getHeight()).isEqualTo(400);
        assertThat(r.json().get("display_name").asText()).isEqualTo("Bob with a face");

        HttpResult header = multipart("/api/v1/accounts/update_credentials", bobToken, "header", "h.png", "image/png",
                image(3000, 500));
        assertThat(header.json().get("header").asText()).contains("/system/accounts/headers/");

        HttpResult notAnImage = multipart("/api/v1/accounts/update_credentials", bobToken, "avatar", "x.png",
                "image/png", "definitely not a png".getBytes(StandardCharsets.UTF_8));
        assertThat(notAnImage.status()).isEqualTo(422);
        HttpResult tooBig = multipart("/api/v1/accounts/update_credentials", bobToken, "avatar", "big.png",
                "image/png", new byte[3 * 1024 * 1024]);
        assertThat(tooBig.status()).isIn(413, 422);
        assertThat(bob.get("/api/v1/accounts/verify_credentials").json().get("avatar").asText()).isEqualTo(avatar);
    }

    @Test
    void lookupsByIdHandleAndSearch() {
        String carolId = carol.get("/api/v1/accounts/verify_credentials").json().get("id").asText();
        assertThat(server.http().get("/api/v1/accounts/lookup?acct=carol").json().get("id").asText()).isEqualTo(carolId);
        assertThat(server.http().get("/api/v1/accounts/lookup?acct=carol@" + server.baseUrl()
                .substring("http://".length())).json().get("id").asText()).isEqualTo(carolId);
        assertThat(server.http().get("/api/v1/accounts/lookup?acct=nobody").status()).isEqualTo(404);
        assertThat(server.http().get("/api/v1/accounts/lookup").status()).isEqualTo(400);
        assertThat(server.http().get("/api/v1/accounts/999999").status()).isEqualTo(404);
        assertThat(server.http().get("/api/v1/accounts/not-a-number").json().get("error").asText())
                .isEqualTo("Record not found");
        JsonNode many = server.http().get("/api/v1/accounts?id[]=" + carolId + "&id[]=123").json();
        assertThat(many).hasSize(1);
        JsonNode found = bob.get("/api/v1/accounts/search?q=car").json();
        assertThat(found).extracting(n -> n.get("username").asText()).contains("carol");
        assertThat(server.http().get("/api/v1/accounts/search?q=car").status()).isEqualTo(401);
        // The instance actor is not an account people can find.
        String host = server.baseUrl().substring("http://".length()).split(":")[0];
        assertThat(server.http().get("/api/v1/accounts/lookup?acct=" + host).status()).isEqualTo(404);
    }

    @Test
    void searchWithFollowingFindsOnlyFollowedAccounts() {
        server.fixtures().account("caspar");
        server.fixtures().account("casimir");
        HttpTester cass = ApiClient.register(server.http(), "read write follow").as("casimir", "read write follow");
        String caspar = server.http().get("/api/v1/accounts/lookup?acct=caspar").json().get("id").asText();
        assertThat(cass.post("/api/v1/accounts/" + caspar + "/follow").status()).isEqualTo(200);

        assertThat(cass.get("/api/v1/accounts/search?q=cas").json()).extracting(n -> n.get("username").asText())
                .contains("caspar", "casimir");
        JsonNode followed = cass.get("/api/v1/accounts/search?q=cas&following=true").json();
        assertThat(followed).extracting(n -> n.get("username").asText()).containsExactly("caspar");
        String host = server.app().config().server().domain();
        assertThat(cass.get("/api/v1/accounts/search?q=caspar@" + host + "&following=true").json())
                .extracting(n -> n.get("username").asText()).containsExactly("caspar");
        assertThat(cass.get("/api/v1/accounts/search?q=caspar@elsewhere.example&following=true").json()).isEmpty();
        assertThat(cass.get("/api/v1/accounts/search?q=zz&following=true").json()).isEmpty();
    }

    private static byte[] image(int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    static HttpResult multipart(String path, String token, String field, String filename, String type, byte[] data,
                                String... textFields) throws Exception {
        String boundary = "----starling" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < textFields.length; i += 2) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + textFields[i]
                    + "\"\r\n\r\n" + textFields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + filename + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(data);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        return new HttpResult(r.statusCode(), r.headers(), r.body());
    }
}
