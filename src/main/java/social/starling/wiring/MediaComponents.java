package social.starling.wiring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import social.starling.federation.fetch.FetchException;
import social.starling.federation.fetch.RemoteFetcher;
import social.starling.service.media.Ffmpeg;
import social.starling.service.media.ImageProcessor;
import social.starling.service.media.LocalMediaStore;
import social.starling.service.media.MediaDownloader;
import social.starling.service.media.MediaService;
import social.starling.service.media.RemoteMediaCache;
import social.starling.service.moderation.DomainPolicy;

/** Media: uploads and their processing, and the size-bounded cache of remote media. */
public record MediaComponents(MediaService uploads, RemoteMediaCache remoteCache, ImageProcessor images,
                              Ffmpeg ffmpeg) {

    public static MediaComponents build(Core core, Repositories repos, RemoteFetcher fetcher, DomainPolicy domains) {
        Path work = core.config().dataDir().resolve("tmp").resolve("media");
        var images = new ImageProcessor();
        var ffmpeg = new Ffmpeg();
        var uploads = new MediaService(core.db(), repos.media(), repos.scheduledStatuses(), core.media(), images, ffmpeg, core.ids(),
                core.clock(), work);
        var federation = core.config().federation();
        Path root = core.config().dataDir().resolve("media");
        MediaDownloader downloader = (url, target, maxBytes) -> {
            try {
                return fetcher.download(url, target, maxBytes, java.time.Duration.ofSeconds(60)).contentType()
                        .orElse(null);
            } catch (FetchException e) {
                throw new MediaDownloader.DownloadFailed(e.getMessage());
            }
        };
        // The server's domain policy: no media from a suspended (or not allowed) domain, nor one with reject_media.
        var cache = new RemoteMediaCache(core.db(), repos.media(), core.media(), images, downloader, work,
                core.clock(), federation.mediaCacheBytes(), federation.mediaMinFreeBytes(),
                () -> core.media() instanceof LocalMediaStore ? usableSpace(root) : Long.MAX_VALUE, host -> !domains.refusesMedia(host));
        return new MediaComponents(uploads, cache, images, ffmpeg);
    }

    private static long usableSpace(Path root) {
        try {
            Files.createDirectories(root);
            return Files.getFileStore(root).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }
}
