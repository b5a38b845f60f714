package social.starling.api.media;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import social.starling.errors.NotFoundException;
import social.starling.service.media.RemoteMediaCache;

/**
 * {@code GET /media_proxy/:id/original|small?k=}: a remote attachment's file (or preview) from the cache, fetched
 * first when not cached, as Mastodon's MediaProxyController; answered with a redirect to the stored file, or to the
 * origin when the file is not kept here (emergency mode, a format not kept, a fetch that failed).
 */
public final class MediaProxyHandler {
    private final RemoteMediaCache cache;

    public MediaProxyHandler(RemoteMediaCache cache) {
        this.cache = cache;
    }

    public void show(Context ctx) {
        String style = ctx.pathParam("style");
        if (!style.equals("original") && !style.equals("small")) {
            throw new NotFoundException("Record not found");
        }
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundException("Record not found");
        }
        var location = cache.locate(id, style.equals("small"), ctx.queryParam("k"))
                .orElseThrow(() -> new NotFoundException("Record not found"));
        ctx.header("Cache-Control", location.cached() ? "public, max-age=3600" : "no-store");
        ctx.redirect(location.url(), HttpStatus.FOUND);
    }
}
