package social.starling.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
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
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/** DELETE /api/v1/profile/avatar and /header, and attribution_domains on update_credentials. */
class ProfileEditsTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    static ApiClient client;

    @BeforeAll
    static void setUp() {
        client = ApiClient.register(server.http(), "read write");
    }

    static HttpResult ok(HttpResult r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    @Test
    void removingTheAvatarAndHeaderBringsBackTheDefaults() throws Exception {
        server.fixtures().account("pia");
        String token = client.login("pia", social.starling.testing.Fixtures.PASSWORD, "read write");
        HttpTester pia = server.http().withToken(token);
        String defaultAvatar = ok(pia.get("/api/v1/accounts/verify_credentials")).json().get("avatar").asText();
        String defaultHeader = ok(pia.get("/api/v1/accounts/verify_credentials")).json().get("header").asText();
        ok(multipart(token, "avatar", png()));
        ok(multipart(token, "header", png()));
        String uploaded = ok(pia.get("/api/v1/accounts/verify_credentials")).json().get("avatar").asText();
        assertThat(uploaded).isNotEqualTo(defaultAvatar);

        HttpResult noAvatar = ok(pia.delete("/api/v1/profile/avatar"));
        assertThat(noAvatar.json().get("avatar").asText()).isEqualTo(defaultAvatar);
        assertThat(noAvatar.json().get("header").asText()).isNotEqualTo(defaultHeader);
        assertThat(noAvatar.json().has("source")).isTrue();
        // The stored file is gone.
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(uploaded)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);

        HttpResult noHeader = ok(pia.delete("/api/v1/profile/header"));
        assertThat(noHeader.json().get("header").asText()).isEqualTo(defaultHeader);
        assertThat(ok(server.http().get("/api/v1/accounts/" + noHeader.json().get("id").asText())).json()
                .get("avatar").asText()).isEqualTo(defaultAvatar);
        // Nothing left to remove: still the account.
        ok(pia.delete("/api/v1/profile/avatar"));

        assertThat(server.http().delete("/api/v1/profile/avatar").status()).isEqualTo(401);
        assertThat(server.http().withToken(client.login("pia", social.starling.testing.Fixtures.PASSWORD, "read"))
                .delete("/api/v1/profile/header").status()).isEqualTo(403);
    }

    @Test
    void attributionDomainsAreNormalisedValidatedAndShownInSource() {
        server.fixtures().account("quin");
        HttpTester quin = client.as("quin", "read write");
        HttpResult set = ok(quin.patchJson("/api/v1/accounts/update_credentials",
                "{\"attribution_domains\": [\"https://blog.example\", \" news.example \", \"*.zine.example\","
                        + " \"news.example\", \"\"]}"));
        assertThat(set.json().get("source").get("attribution_domains")).extracting(n -> n.asText())
                .containsExactly("blog.example", "news.example", "zine.example");
        assertThat(ok(quin.get("/api/v1/accounts/verify_credentials")).json().get("source")
                .get("attribution_domains")).hasSize(3);
        // Other fields leave them as they are; the public Account does not show them.
        ok(quin.patchJson("/api/v1/accounts/update_credentials", "{\"display_name\": \"Quin\"}"));
        assertThat(ok(quin.get("/api/v1/accounts/verify_credentials")).json().get("source")
                .get("attribution_domains")).hasSize(3);
        String id = set.json().get("id").asText();
        assertThat(ok(server.http().get("/api/v1/accounts/" + id)).json().has("source")).isFalse();

        HttpResult invalid = quin.patchJson("/api/v1/accounts/update_credentials",
                "{\"attribution_domains\": [\"good.example\", \"bad..example\"]}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().get("error").asText()).contains("bad..example is not a valid domain name");
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i <= 100; i++) {
            many.append(i == 0 ? "" : ",").append("\"d").append(i).append(".example\"");
        }
        assertThat(quin.patchJson("/api/v1/accounts/update_credentials",
                "{\"attribution_domains\": " + many + "]}").status()).isEqualTo(422);
        assertThat(ok(quin.get("/api/v1/accounts/verify_credentials")).json().get("source")
                .get("attribution_domains")).hasSize(3);

        // Form encoding (attribution_domains[]=...) as apps send it; an empty list clears them.
        HttpResult form = ok(quin.send("PATCH", "/api/v1/accounts/update_credentials",
                java.util.Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "attribution_domains[]=one.example&attribution_domains[]=two.example"));
        assertThat(form.json().get("source").get("attribution_domains")).extracting(n -> n.asText())
                .containsExactly("one.example", "two.example");
        HttpResult cleared = ok(quin.patchJson("/api/v1/accounts/update_credentials", "{\"attribution_domains\": []}"));
        assertThat(cleared.json().get("source").get("attribution_domains")).isEmpty();
    }

    private static byte[] png() throws Exception {
        BufferedImage img = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, 300, 300);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static HttpResult multipart(String token, String field, byte[] data) throws Exception {
        String boundary = "----starling" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"i.png\""
                + "\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(data);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/api/v1/accounts/update_credentials"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        return new HttpResult(r.statusCode(), r.headers(), r.body());
    }
}
