package social.starling.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.ApiClient;
import social.starling.testing.Fixtures;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.S3Server;
import social.starling.testing.TestApp;

/** With STARLING_S3_BUCKET set, an avatar uploaded through the API lands in the bucket and is read from there. */
class S3AvatarTest {
    @RegisterExtension
    @Order(1)
    static S3Server s3 = S3Server.create();

    @RegisterExtension
    @Order(2)
    static TestApp server = s3.configure(TestApp.create());

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void anUploadedAvatarIsServedByTheBucketAndRemovedFromIt() throws Exception {
        server.fixtures().account("sia");
        ApiClient client = ApiClient.register(server.http(), "read write");
        String token = client.login("sia", Fixtures.PASSWORD, "read write");
        HttpTester sia = server.http().withToken(token);

        HttpResult updated = multipart(token, "avatar", png());
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        String avatar = updated.json().get("avatar").asText();
        assertThat(avatar).startsWith(s3.endpoint() + "/" + s3.bucket() + "/accounts/avatars/");
        assertThat(updated.json().get("avatar_static").asText()).isEqualTo(avatar);
        String id = updated.json().get("id").asText();
        assertThat(server.http().get("/api/v1/accounts/" + id).json().get("avatar").asText()).isEqualTo(avatar);

        HttpResponse<byte[]> served = HTTP.send(HttpRequest.newBuilder(URI.create(avatar)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(served.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(served.body()));
        assertThat(image.getWidth()).isEqualTo(400);
        assertThat(image.getHeight()).isEqualTo(400);

        // Nothing was written to the data directory's media folder (served at /system/).
        try (Stream<Path> files = Files.walk(server.app().config().dataDir().resolve("media"))) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }

        assertThat(sia.delete("/api/v1/profile/avatar").status()).isEqualTo(200);
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(avatar)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).as("removed from the bucket").isEqualTo(404);
    }

    private static byte[] png() throws Exception {
        BufferedImage img = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.ORANGE);
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
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/api/v1/accounts/update_credentials"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        return new HttpResult(r.statusCode(), r.headers(), r.body());
    }
}
