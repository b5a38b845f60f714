package social.starling.api;

import io.javalin.http.Context;
import java.util.Locale;

/**
 * Which representation a client asked for. ActivityPub clients send {@code application/activity+json} or
 * {@code application/ld+json; profile="https://www.w3.org/ns/activitystreams"}; Mastodon also answers JSON to a
 * bare {@code application/ld+json} and to {@code application/json} on its ActivityPub URLs, but a browser's Accept
 * ({@code text/html,...,*}{@code /*}) gets HTML.
 */
public final class ContentNegotiation {
    public static final String ACTIVITY_JSON = "application/activity+json";
    public static final String LD_JSON_AS = "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";

    private ContentNegotiation() {
    }

    public static boolean wantsActivityJson(Context ctx) {
        return wantsActivityJson(ctx.header("Accept"));
    }

    /** True when {@code accept} names an ActivityPub JSON type and does not prefer HTML. */
    public static boolean wantsActivityJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        String a = accept.toLowerCase(Locale.ROOT);
        boolean activity = a.contains("application/activity+json") || a.contains("application/ld+json");
        if (!activity) {
            return false;
        }
        int html = a.indexOf("text/html");
        return html < 0 || html > Math.min(index(a, "application/activity+json"), index(a, "application/ld+json"));
    }

    private static int index(String s, String part) {
        int i = s.indexOf(part);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
