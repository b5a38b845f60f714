package social.starling.api;

import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.UncheckedIOException;

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
        PooledBytes body = PooledBytes.take();
        try {
            jackson.getMapper().writeValue(body, value);
        } catch (IOException e) {
            body.release();
            throw new UncheckedIOException("could not write JSON", e);
        }
        ctx.contentType(ContentType.APPLICATION_JSON);
        if (body.size() >= GzipBody.MIN_BYTES && GzipBody.accepted(ctx.header("Accept-Encoding"))) {
            // Compressed here, so Javalin, which leaves an answer with a Content-Encoding alone, does not.
            PooledBytes gzipped = PooledBytes.take();
            GzipBody.gzip(body.array(), body.size(), gzipped);
            body.release();
            body = gzipped;
            ctx.header("Content-Encoding", "gzip");
            String vary = ctx.res().getHeader("Vary");
            ctx.header("Vary", vary == null || vary.isBlank() ? "Accept-Encoding" : vary + ", Accept-Encoding");
        }
        // Javalin writes the result after the handler (and its admission slot) is done, then closes the stream,
        // which gives the buffer back.
        ctx.result(body.asResult());
    }
}
