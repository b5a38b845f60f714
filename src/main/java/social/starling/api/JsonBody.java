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
        PooledBytes json = PooledBytes.take();
        PooledBytes gzipped = null;
        try {
            jackson.getMapper().writeValue(json, value);
            ctx.contentType(ContentType.APPLICATION_JSON);
            PooledBytes body = json;
            if (json.size() >= GzipBody.MIN_BYTES && GzipBody.accepted(ctx.header("Accept-Encoding"))) {
                // Compressed here, so Javalin, which leaves an answer with a Content-Encoding alone, does not.
                gzipped = PooledBytes.take();
                GzipBody.gzip(json.array(), json.size(), gzipped);
                body = gzipped;
                ctx.header("Content-Encoding", "gzip");
                String vary = ctx.res().getHeader("Vary");
                ctx.header("Vary", vary == null || vary.isBlank() ? "Accept-Encoding" : vary + ", Accept-Encoding");
            }
            // Written here from the pooled buffer, with its length, rather than handed to Javalin as a result
            // (which it would copy through a buffer of its own); nothing after the handler sets headers.
            ctx.res().setContentLength(body.size());
            ctx.outputStream().write(body.array(), 0, body.size());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write JSON", e);
        } finally {
            json.release();
            if (gzipped != null) {
                gzipped.release();
            }
        }
    }
}
