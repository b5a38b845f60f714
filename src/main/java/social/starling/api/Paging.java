package social.starling.api;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import social.starling.errors.BadRequestException;
import social.starling.model.Page;

/**
 * Mastodon's paging at the HTTP edge: reads {@code max_id}, {@code since_id}, {@code min_id} and {@code limit}
 * (clamped to the endpoint's maximum), and writes the {@code Link} header with {@code rel="next"} (older, by
 * {@code max_id}) and {@code rel="prev"} (newer, by {@code min_id}), keeping the request's other parameters.
 */
public final class Paging {
    /** Left out of links: the bounds they replace, and a token passed in the query (Mastodon links none). */
    private static final Set<String> NOT_LINKED = Set.of("max_id", "since_id", "min_id", "access_token");

    private Paging() {
    }

    public static Page page(Context ctx, int defaultLimit, int maxLimit) {
        int limit = defaultLimit;
        String raw = ctx.queryParam("limit");
        if (raw != null && !raw.isBlank()) {
            try {
                // As Api::BaseController#limit_param: the absolute value, at most the maximum; and at least one
                // (Mastodon's 0 gives an empty page, or a 500 on lists that link by records_continue?).
                limit = (int) Math.max(1, Math.min(maxLimit, Math.abs(Long.parseLong(raw.trim()))));
            } catch (NumberFormatException e) {
                throw new BadRequestException("limit must be a number");
            }
        }
        return new Page(id(ctx, "max_id"), id(ctx, "since_id"), id(ctx, "min_id"), limit);
    }

    /** A query parameter holding an id, or empty when absent or not a number. */
    public static Optional<Long> id(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(raw.trim()));
        } catch (NumberFormatException e) {
            // Mastodon treats a non-numeric id as no bound rather than an error (clients send odd values).
            return Optional.empty();
        }
    }

    /**
     * Sets the Link header of a timeline or notifications page whose items have these paging ids (newest first):
     * {@code next} from every page with items, as Mastodon's Timelines::BaseController and NotificationsController
     * (a walk ends on an empty page, which has no Link).
     */
    public static void link(Context ctx, String baseUrl, List<Long> ids) {
        link(ctx, baseUrl, ids, true);
    }

    /**
     * Sets the Link header of any other list's page: {@code next} only when the page came back full, as Mastodon's
     * records_continue? ({@code size == limit_param}), so a short page is the last. {@code ids} must hold every row
     * the page read, including any dropped before rendering, or paging would stop early.
     */
    public static void link(Context ctx, String baseUrl, List<Long> ids, Page page) {
        link(ctx, baseUrl, ids, ids.size() >= page.limit());
    }

    private static void link(Context ctx, String baseUrl, List<Long> ids, boolean next) {
        if (ids.isEmpty()) {
            return;
        }
        String prev = "<" + url(ctx, baseUrl, "min_id", ids.getFirst()) + ">; rel=\"prev\"";
        if (!next) {
            ctx.header("Link", prev);
            return;
        }
        ctx.header("Link", "<" + url(ctx, baseUrl, "max_id", ids.getLast()) + ">; rel=\"next\", " + prev);
    }

    private static String url(Context ctx, String baseUrl, String key, long id) {
        StringJoiner query = new StringJoiner("&");
        for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
            if (NOT_LINKED.contains(e.getKey())) {
                continue;
            }
            for (String v : e.getValue()) {
                query.add(encode(e.getKey()) + "=" + encode(v));
            }
        }
        query.add(key + "=" + id);
        return baseUrl + ctx.path() + "?" + query;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("%5B", "[").replace("%5D", "]");
    }
}
