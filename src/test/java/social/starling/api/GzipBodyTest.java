package social.starling.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class GzipBodyTest {

    @Test
    void whatItWritesInflatesToTheBody() throws IOException {
        byte[] json = "{\"id\":\"1\",\"content\":\"<p>hello</p>\"},".repeat(2_000).getBytes(StandardCharsets.UTF_8);
        byte[] gzipped = GzipBody.gzip(json);
        assertThat(gunzip(gzipped)).isEqualTo(json);
        assertThat(gzipped.length).isLessThan(json.length / 10);
        // A second body through the same pooled deflater: nothing of the first is left in it.
        byte[] other = "[{\"id\":\"2\"}]".repeat(500).getBytes(StandardCharsets.UTF_8);
        assertThat(gunzip(GzipBody.gzip(other))).isEqualTo(other);
    }

    @Test
    void anIncompressibleBodyStillFits() throws IOException {
        byte[] noise = new byte[100_000];
        new Random(7).nextBytes(noise);
        byte[] gzipped = GzipBody.gzip(noise);
        assertThat(gzipped.length).isGreaterThan(noise.length);
        assertThat(gunzip(gzipped)).isEqualTo(noise);
    }

    @Test
    void readsAcceptEncodingAsHttpSays() {
        assertThat(GzipBody.accepted("gzip")).isTrue();
        assertThat(GzipBody.accepted("gzip, deflate, br")).isTrue();
        assertThat(GzipBody.accepted("br;q=1.0, GZIP;q=0.5")).isTrue();
        assertThat(GzipBody.accepted("gzip;q=0")).isFalse();
        assertThat(GzipBody.accepted("gzip; q=0.0")).isFalse();
        assertThat(GzipBody.accepted("deflate, br")).isFalse();
        assertThat(GzipBody.accepted("x-gzip-ish")).isFalse();
        assertThat(GzipBody.accepted("identity")).isFalse();
        assertThat(GzipBody.accepted(null)).isFalse();
    }

    private static byte[] gunzip(byte[] gzipped) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        }
    }
}
