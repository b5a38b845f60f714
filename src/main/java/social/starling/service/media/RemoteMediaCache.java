package social.starling.service.media;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import social.starling.db.Database;
import social.starling.db.MediaAttachmentRepository;
import social.starling.errors.UnprocessableException;
import social.starling.model.Limits;
import social.starling.model.MediaAttachment;
import social.starling.support.Secrets;

/**
 * The cache of remote media, bounded by size. A remote attachment is fetched the first time someone is shown it
 * ({@code /media_proxy/:id/original|small}), through the outbound guard; images are re-encoded like uploads (no
 * metadata, a preview made here), video and audio kept as they came when their bytes are what they claim. Past the
 * quota the least recently shown copies are evicted (the attachment stays, and is fetched again when shown). When
 * the disk runs low (emergency mode) nothing new is cached, attachments are served from their origin, and the
 * cache is evicted down to half its quota.
 */
public final class RemoteMediaCache {
    private static final Logger log = LoggerFactory.getLogger(RemoteMediaCache.class);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(60);

    /** Where to send the client: a stored file, or the origin when the file is not (or cannot be) kept here. */
    public record Location(String url, boolean cached) {
    }

    private final Database db;
    private final MediaAttachmentRepository media;
    private final MediaStore store;
    private final ImageProcessor images;
    private final MediaDownloader downloader;
    private final Path workRoot;
    private final Clock clock;
    private final long quotaBytes;
    private final long minFreeBytes;
    private final LongSupplier freeBytes;
    private final Predicate<String> hostAllowed;
    private final ConcurrentHashMap<Long, CompletableFuture<Optional<MediaAttachment>>> inFlight =
            new ConcurrentHashMap<>();
    /** Ids whose last use this node wrote recently: the LRU order needs minutes, not every view. */
    private final Cache<Long, Boolean> touched = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(10)).build();

    /**
     * @param freeBytes   free space where the store keeps files (Long.MAX_VALUE when that is object storage)
     * @param hostAllowed whether media may be fetched from a host (the server's domain policy: reject_media)
     */
    public RemoteMediaCache(Database db, MediaAttachmentRepository media, MediaStore store, ImageProcessor images,
                            MediaDownloader downloader, Path workRoot, Clock clock, long quotaBytes,
                            long minFreeBytes, LongSupplier freeBytes, Predicate<String> hostAllowed) {
        this.db = db;
        this.media = media;
        this.store = store;
        this.images = images;
        this.downloader = downloader;
        this.workRoot = workRoot;
        this.clock = clock;
        this.quotaBytes = quotaBytes;
        this.minFreeBytes = minFreeBytes;
        this.freeBytes = freeBytes;
        this.hostAllowed = hostAllowed;
    }

    /**
     * Where remote attachment {@code id}'s file ({@code small}: its preview) is to be had, or empty when nowhere
     * (unknown, local, not attached, a wrong {@code key}, or from a host whose media is refused).
     */
    public Optional<Location> locate(long id, boolean small, String key) {
        Optional<MediaAttachment> found = db.read(tx -> media.find(tx, id))
                .filter(x -> x.isRemote() && x.statusId() != null && key != null
                        && java.security.MessageDigest.isEqual(x.proxyKey().getBytes(), key.getBytes()));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        MediaAttachment m = found.get();
        if (!allowed(m)) {
            return Optional.empty();
        }
        if (m.fileKey() == null) {
            if (emergency()) {
                return origin(m, small);
            }
            Optional<MediaAttachment> cached = fetchOnce(m);
            if (cached.isEmpty()) {
                return origin(m, small);
            }
            m = cached.get();
        } else if (touched.getIfPresent(id) == null) {
            touched.put(id, Boolean.TRUE);
            db.inTransaction(tx -> {
                media.touch(tx, id, clock.instant());
                return null;
            });
        }
        String stored = small && m.thumbnailKey() != null ? m.thumbnailKey() : m.fileKey();
        if (small && m.thumbnailKey() == null && !"image".equals(m.type())) {
            return origin(m, true);
        }
        return Optional.of(new Location(store.url(stored), true));
    }

    /** Evicts least recently used copies until the cache holds at most {@code targetBytes}; returns how many. */
    public int evictTo(long targetBytes) {
        return evictTo(targetBytes, -1);
    }

    /** The same, sparing {@code keepId} (the copy just made for someone waiting on it). */
    private int evictTo(long targetBytes, long keepId) {
        int evicted = 0;
        while (true) {
            long used = db.read(media::cachedBytes);
            if (used <= targetBytes) {
                return evicted;
            }
            List<MediaAttachment> oldest = db.read(tx -> media.leastRecentlyUsed(tx, 100)).stream()
                    .filter(m -> m.id() != keepId).toList();
            if (oldest.isEmpty()) {
                return evicted;
            }
            for (MediaAttachment m : oldest) {
                boolean done = db.inTransaction(tx -> media.evicted(tx, m.id(), m.fileKey()));
                if (done) {
                    deleteQuietly(m.fileKey());
                    deleteQuietly(m.thumbnailKey());
                    touched.invalidate(m.id());
                    evicted++;
                    used -= m.fileSize() + m.thumbnailSize();
                    if (used <= targetBytes) {
                        return evicted;
                    }
                }
            }
        }
    }

    /** The periodic check: the quota, and half of it in emergency mode. Returns how many copies were evicted. */
    public int enforceQuota() {
        return evictTo(emergency() ? quotaBytes / 2 : quotaBytes);
    }

    /** Bytes the cached copies take now. */
    public long usedBytes() {
        return db.read(media::cachedBytes);
    }

    public long quotaBytes() {
        return quotaBytes;
    }

    /** Whether the disk is so full that nothing new is cached. */
    public boolean emergency() {
        return freeBytes.getAsLong() < minFreeBytes;
    }

    private boolean allowed(MediaAttachment m) {
        try {
            URI url = URI.create(m.remoteUrl());
            String host = url.getHost();
            // The host as accounts name their domain: with the port when the URL gives one.
            return host != null && hostAllowed.test(host.toLowerCase(Locale.ROOT)
                    + (url.getPort() == -1 ? "" : ":" + url.getPort()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Optional<Location> origin(MediaAttachment m, boolean small) {
        String url = small ? (m.remotePreviewUrl() != null ? m.remotePreviewUrl() : m.remoteUrl()) : m.remoteUrl();
        return Optional.of(new Location(url, false));
    }

    /** One fetch per attachment at a time on this node; the others wait for its outcome. */
    private Optional<MediaAttachment> fetchOnce(MediaAttachment m) {
        CompletableFuture<Optional<MediaAttachment>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<MediaAttachment>> running = inFlight.putIfAbsent(m.id(), mine);
        if (running != null) {
            return running.join();
        }
        try {
            Optional<MediaAttachment> out = fetch(m);
            mine.complete(out);
            return out;
        } catch (RuntimeException e) {
            mine.complete(Optional.empty());
            throw e;
        } finally {
            inFlight.remove(m.id());
        }
    }

    private Optional<MediaAttachment> fetch(MediaAttachment m) {
        Path work;
        try {
            Files.createDirectories(workRoot);
            work = Files.createTempDirectory(workRoot, "remote-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Path source = work.resolve("source");
            boolean image = "image".equals(m.type());
            long limit = image ? Limits.IMAGE_SIZE_LIMIT : Limits.VIDEO_SIZE_LIMIT;
            downloader.download(URI.create(m.remoteUrl()), source, limit);
            MediaSniffer.Kind kind = MediaSniffer.sniff(source);
            String base = "cache/media_attachments/" + m.id() + "/" + Secrets.token(8);
            String fileKey;
            String contentType;
            long fileSize;
            String thumbKey = null;
            long thumbSize = 0;
            if (kind.group == MediaSniffer.Group.IMAGE && !(kind == MediaSniffer.Kind.GIF
                    && images.isAnimatedGif(source))) {
                ProcessedMedia done = images.process(source, work);
                fileKey = base + "-original." + done.file().extension();
                contentType = done.file().contentType();
                fileSize = Files.size(done.file().path());
                store.put(fileKey, done.file().path(), contentType);
                if (done.thumbnail() != null) {
                    thumbKey = base + "-small." + done.thumbnail().extension();
                    thumbSize = Files.size(done.thumbnail().path());
                    store.put(thumbKey, done.thumbnail().path(), done.thumbnail().contentType());
                }
            } else if (kind.group == MediaSniffer.Group.VIDEO || kind.group == MediaSniffer.Group.AUDIO
                    || kind == MediaSniffer.Kind.GIF) {
                contentType = contentTypeOf(kind);
                fileKey = base + "-original." + extensionOf(kind);
                fileSize = Files.size(source);
                store.put(fileKey, source, contentType);
            } else {
                log.debug("remote media {} is not a format kept here ({})", m.id(), m.remoteUrl());
                return Optional.empty();
            }
            String fk = fileKey;
            String tk = thumbKey;
            long fs = fileSize;
            long ts = thumbSize;
            String ct = contentType;
            boolean recorded = db.inTransaction(tx -> media.cached(tx, m.id(), fk, ct, fs, tk, ts, clock.instant()));
            if (!recorded) {
                deleteQuietly(fk);
                deleteQuietly(tk);
                return db.read(tx -> media.find(tx, m.id())).filter(x -> x.fileKey() != null);
            }
            touched.put(m.id(), Boolean.TRUE);
            if (usedBytes() > quotaBytes) {
                evictTo(emergency() ? quotaBytes / 2 : quotaBytes, m.id());
            }
            return db.read(tx -> media.find(tx, m.id())).filter(x -> x.fileKey() != null);
        } catch (MediaDownloader.DownloadFailed | UnprocessableException e) {
            log.debug("remote media {} not cached: {}", m.id(), e.getMessage());
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            MediaService.deleteTree(work);
        }
    }

    private void deleteQuietly(String key) {
        if (key == null) {
            return;
        }
        try {
            store.delete(key);
        } catch (RuntimeException e) {
            log.warn("could not delete cached media {}: {}", key, e.getMessage());
        }
    }

    static String contentTypeOf(MediaSniffer.Kind kind) {
        return switch (kind) {
            case MP4 -> "video/mp4";
            case WEBM -> "video/webm";
            case MOV -> "video/quicktime";
            case MP3 -> "audio/mpeg";
            case OGG -> "audio/ogg";
            case WAV -> "audio/wav";
            case FLAC -> "audio/flac";
            case M4A -> "audio/mp4";
            case GIF -> "image/gif";
            case JPEG -> "image/jpeg";
            case PNG -> "image/png";
            case WEBP -> "image/webp";
            case UNKNOWN -> "application/octet-stream";
        };
    }

    static String extensionOf(MediaSniffer.Kind kind) {
        return switch (kind) {
            case MP4 -> "mp4";
            case WEBM -> "webm";
            case MOV -> "mov";
            case MP3 -> "mp3";
            case OGG -> "ogg";
            case WAV -> "wav";
            case FLAC -> "flac";
            case M4A -> "m4a";
            case GIF -> "gif";
            case JPEG -> "jpg";
            case PNG -> "png";
            case WEBP -> "webp";
            case UNKNOWN -> "bin";
        };
    }
}
