package social.starling.api.activitypub;

import io.javalin.http.Context;
import java.util.Optional;
import social.starling.convert.CollectionMapper;
import social.starling.errors.NotFoundException;
import social.starling.federation.vocab.As2;
import social.starling.model.Page;

/** Rendering and request helpers shared by the ActivityPub handlers. */
final class ActivityJson {
    private ActivityJson() {
    }

    /**
     * Writes an AS2 document as {@code application/activity+json; charset=utf-8}. Only what an unsigned fetch may
     * see is served so far, so documents may be cached publicly for three minutes, as Mastodon lets them
     * ({@code expires_in 3.minutes, public: true}); pages of collections are not cached.
     */
    static void render(Context ctx, Object document, boolean cacheable) {
        ctx.header("Cache-Control", cacheable ? "max-age=180, public" : "max-age=0, private");
        ctx.contentType(As2.CONTENT_TYPE).result(As2.write(document));
    }

    /** A numeric path parameter; anything else cannot name an object here (404). */
    static long id(Context ctx, String name) {
        try {
            return Long.parseLong(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw new NotFoundException("Record not found");
        }
    }

    /** Whether a page was asked for ({@code ?page=true}, also Mastodon's {@code ?page=1} on follower lists). */
    static boolean pageRequested(Context ctx) {
        String page = ctx.queryParam("page");
        return page != null && !page.isBlank() && !page.equalsIgnoreCase("false") && !page.equals("0");
    }

    static CollectionMapper.PageParams params(Context ctx) {
        return new CollectionMapper.PageParams(queryId(ctx, "max_id").orElse(null),
                queryId(ctx, "min_id").orElse(null));
    }

    /** The page the query asks for; the size is the collection's own. */
    static Page page(CollectionMapper.PageParams params) {
        return new Page(Optional.ofNullable(params.maxId()), Optional.empty(), Optional.ofNullable(params.minId()), 20);
    }

    static Optional<Long> queryId(Context ctx, String name) {
        return social.starling.api.Paging.id(ctx, name);
    }
}
