package social.starling.service.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import social.starling.config.Config;
import social.starling.config.ConfigLoader;
import social.starling.testing.S3Server;

/** Media in a bucket of a real S3-compatible server (s3rver), read back through the store and over plain HTTP. */
class S3MediaStoreTest {
    @RegisterExtension
    static S3Server s3 = S3Server.create();

    static S3MediaStore media;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @BeforeAll
    static void open() {
        Config config = ConfigLoader.load(Map.of("STARLING_S3_BUCKET", s3.bucket(),
                "STARLING_S3_ENDPOINT", s3.endpoint(), "STARLING_S3_ACCESS_KEY", S3Server.ACCESS_KEY,
                "STARLING_S3_SECRET_KEY", S3Server.SECRET_KEY), Optional.empty());
        media = new S3MediaStore(config.s3().orElseThrow());
    }

    @AfterAll
    static void close() {
        media.close();
    }

    static byte[] read(String key) throws IOException {
        try (InputStream in = media.open(key).orElseThrow()) {
            return in.readAllBytes();
        }
    }

    static HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Hex digest and length: a mismatch reads as two short lines, not two megabytes of numbers. */
    static String sha256(byte[] bytes) throws Exception {
        return bytes.length + " bytes, sha256 " + java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void bytesAreStoredReplacedAndServedWithTheirTypeAndALongCacheLifetime() throws Exception {
        String key = "accounts/avatars/1/Ab-_9.png";
        media.put(key, "first".getBytes(StandardCharsets.UTF_8), "image/png");
        media.put(key, "second".getBytes(StandardCharsets.UTF_8), "image/png");
        assertThat(new String(read(key), StandardCharsets.UTF_8)).isEqualTo("second");

        String url = media.url(key);
        assertThat(url).isEqualTo(s3.endpoint() + "/media/accounts/avatars/1/Ab-_9.png");
        HttpResponse<byte[]> served = get(url);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(new String(served.body(), StandardCharsets.UTF_8)).isEqualTo("second");
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(served.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
    }

    @Test
    void aFileIsStoredWhole() throws Exception {
        byte[] video = new byte[3 * 1024 * 1024 + 17]; // larger than one buffer, not a round size
        new Random(42).nextBytes(video);
        Path file = Files.write(dir.resolve("upload.mp4"), video);
        String key = "media_attachments/files/2/clip.mp4";
        media.put(key, file, "video/mp4");

        assertThat(sha256(read(key))).as("read through the store").isEqualTo(sha256(video));
        HttpResponse<byte[]> served = get(media.url(key));
        assertThat(sha256(served.body())).as("served").isEqualTo(sha256(video));
        assertThat(served.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(served.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(file).as("the caller's copy is left to the caller").exists();
    }

    @Test
    void deletingRemovesTheObjectAndMayBeRepeated() throws Exception {
        String key = "media_attachments/files/3/gone.jpg";
        media.put(key, new byte[] {1, 2, 3}, "image/jpeg");
        assertThat(media.open(key)).isPresent().get().satisfies(InputStream::close);

        media.delete(key);
        assertThat(media.open(key)).isEmpty();
        assertThat(get(media.url(key)).statusCode()).isEqualTo(404);
        media.delete(key); // gone already: nothing to do
    }

    @Test
    void aMissingKeyIsEmpty() {
        assertThat(media.open("media_attachments/files/4/never.png")).isEmpty();
    }

    @Test
    void badKeysAreRefused() {
        for (String key : new String[] {"../outside.jpg", "accounts/../../outside.jpg", "/etc/passwd", "a//b.jpg",
                ".hidden", "accounts/.x/y.jpg", "", "a\\b.jpg", "a b.jpg", "a?b=c.jpg", "a/b.jpg#x"}) {
            assertThatThrownBy(() -> media.put(key, new byte[] {1}, "image/jpeg")).as(key)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> media.put(key, Path.of("pom.xml"), "image/jpeg")).as(key)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> media.open(key)).as(key).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> media.delete(key)).as(key).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> media.url(key)).as(key).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> media.open(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPublicUrlOrHostStyleChangesOnlyTheAddress() {
        Config cdn = ConfigLoader.load(Map.of("STARLING_S3_BUCKET", "media", "STARLING_S3_ENDPOINT", s3.endpoint(),
                "STARLING_S3_PUBLIC_URL", "https://cdn.example/files/"), Optional.empty());
        assertThat(cdn.s3().orElseThrow().publicUrl()).isEqualTo("https://cdn.example/files");
        Config hostStyle = ConfigLoader.load(Map.of("STARLING_S3_BUCKET", "media", "STARLING_S3_ENDPOINT",
                "https://s3.example.net", "STARLING_S3_PATH_STYLE", "false"), Optional.empty());
        assertThat(hostStyle.s3().orElseThrow().publicUrl()).isEqualTo("https://media.s3.example.net");
        Config aws = ConfigLoader.load(Map.of("STARLING_S3_BUCKET", "media", "STARLING_S3_REGION", "eu-west-3",
                "STARLING_S3_PATH_STYLE", "false"), Optional.empty());
        assertThat(aws.s3().orElseThrow().publicUrl()).isEqualTo("https://media.s3.eu-west-3.amazonaws.com");
        assertThat(aws.s3().orElseThrow().endpoint()).isEmpty();
        assertThat(ConfigLoader.load(Map.of(), Optional.empty()).s3()).isEmpty();
    }
}
