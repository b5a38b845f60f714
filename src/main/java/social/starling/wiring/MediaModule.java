package social.starling.wiring;

import java.time.Duration;
import social.starling.api.RouteTable;
import social.starling.api.media.MediaProxyHandler;
import social.starling.api.mastodon.v1.media.MediaHandler;
import social.starling.jobs.JobRunner;

/**
 * The media API ({@code /api/v1/media}, {@code /api/v2/media}), the remote media proxy ({@code /media_proxy}), and
 * the hourly sweeps: uploads no post took (after a day) and the remote cache's quota.
 */
public final class MediaModule implements Module {
    private final MediaComponents media;
    private final MediaHandler handler;
    private final MediaProxyHandler proxy;
    private final Core core;

    public MediaModule(Core core, MediaComponents media, Edges edges) {
        this.core = core;
        this.media = media;
        this.handler = new MediaHandler(edges.auth(), media.uploads(), edges.statusApi().media(), edges.json());
        this.proxy = new MediaProxyHandler(media.remoteCache());
    }

    @Override
    public void routes(RouteTable routes) {
        routes.mastodonApi()
                .post("/api/v1/media", handler::createV1)
                .post("/api/v2/media", handler::createV2)
                .get("/api/v1/media/{id}", handler::show)
                .update("/api/v1/media/{id}", handler::update)
                .delete("/api/v1/media/{id}", handler::delete);
        routes.web().get("/media_proxy/{id}/{style}", proxy::show);
    }

    @Override
    public void jobs(JobRunner jobs) {
        jobs.every("media.sweep_unattached", Duration.ofHours(1), () -> {
            media.uploads().sweepUnattached(core.clock().instant().minus(Duration.ofDays(1)), 1000);
        });
        jobs.every("media.cache_quota", Duration.ofMinutes(15), () -> {
            media.remoteCache().enforceQuota();
        });
    }
}
