package social.starling.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.HttpResult;
import social.starling.testing.TestApp;

/** The files shipped in the jar: style sheet, icons, default avatar and header, with caching headers. */
class PublicFilesTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    @Test
    void shippedFilesWithTypeCacheHeadersAndEtag() {
        HttpResult css = server.http().get("/static/starling.css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        assertThat(css.header("Cache-Control")).contains("public, max-age=86400");
        assertThat(css.body()).contains("{");
        String etag = css.header("ETag").orElseThrow();

        HttpResult again = server.http().send("GET", "/static/starling.css", Map.of("If-None-Match", etag), null);
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        for (String png : new String[] {"/avatars/original/missing.png", "/headers/original/missing.png",
                "/static/icon-192.png"}) {
            HttpResult image = server.http().get(png);
            assertThat(image.status()).as(png).isEqualTo(200);
            assertThat(image.header("Content-Type")).as(png).contains("image/png");
        }
    }

    @Test
    void unknownOrEscapingNamesAreNotFound() {
        for (String path : new String[] {"/static/nope.css", "/static/..%2F..%2Fapplication.properties",
                "/static/.hidden", "/avatars/original/..", "/static/starling.exe"}) {
            HttpResult r = server.http().get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
        }
    }
}
