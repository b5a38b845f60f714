package social.starling.api;

import io.javalin.http.Context;
import java.util.concurrent.ThreadLocalRandom;

/** Gives every request an id, sent back as {@code X-Request-Id} and written in logs, to match the two. */
public final class RequestIds {
    private static final String ATTRIBUTE = "starling.requestId";

    private RequestIds() {
    }

    public static void assign(Context ctx) {
        String id = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        ctx.attribute(ATTRIBUTE, id);
        ctx.header("X-Request-Id", id);
    }

    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "-" : id;
    }
}
