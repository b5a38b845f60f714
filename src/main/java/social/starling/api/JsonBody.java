package social.starling.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;

/**
 * Writes a JSON answer as UTF-8 bytes straight from Jackson, for the hot read paths (timelines, threads, profiles'
 * statuses). {@code ctx.json} renders to a String, which Javalin then encodes to bytes: a copy and an encoding pass
 * per answer, where the bytes of memoized statuses ({@code support.JsonMemo}) can be copied as they are. The
 * answer is the same: same content type, same text. Gzipped here when the client asks ({@link GzipBody}).
 */
public final class JsonBody {
    private JsonBody() {
    }

    public static void write(Context ctx, Object value) {
        if (!(ctx.jsonMapper() instanceof JavalinJackson jackson)) {
            ctx.json(value);
            return;
        }
        try {
            byte[] body = jackson.getMapper().writeValueAsBytes(value);
            ctx.contentType(ContentType.APPLICATION_JSON);
            if (body.length >= GzipBody.MIN_BYTES && GzipBody.accepted(ctx.header("Accept-Encoding"))) {
                // Compressed here, so Javalin, which leaves an answer with a Content-Encoding alone, does not.
                body = GzipBody.gzip(body);
                ctx.header("Content-Encoding", "gzip");
                String vary = ctx.res().getHeader("Vary");
                ctx.header("Vary", vary == null || vary.isBlank() ? "Accept-Encoding" : vary + ", Accept-Encoding");
            }
            ctx.result(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON", e);
        }
    }
}
