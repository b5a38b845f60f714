package social.starling.service.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import social.starling.db.Database;
import social.starling.db.MediaAttachmentRepository;
import social.starling.db.ScheduledStatusRepository;
import social.starling.errors.NotFoundException;
import social.starling.errors.UnprocessableException;
import social.starling.model.IdGenerator;
import social.starling.model.Limits;
import social.starling.model.MediaAttachment;
import social.starling.support.Secrets;

/**
 * Uploads, as Mastodon's media API: the upload is copied to a work directory (never held in the heap), its kind
 * read from its first bytes, then processed — still images at once (200), video, audio and animated GIFs through
 * ffmpeg in the background (202, then {@code GET /api/v1/media/:id}) unless the caller waits (v1). Whatever is
 * refused leaves nothing behind: no row, no stored file, no temporary file.
 */
public final class MediaService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MediaService.class);

    /** An uploaded file as the HTTP layer hands it over; {@code contentType} is what the client claimed. */
    public record Upload(InputStream content, String contentType) {
    }

    /** A focal point, each axis -1.0 .. 1.0. */
    public record Focus(double x, double y) {
        /** Mastodon's "x,y" parameter; an unparseable value is a 422. */
        public static Focus parse(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            String[] parts = text.split(",");
            try {
                if (parts.length == 2) {
                    double x = Double.parseDouble(parts[0].trim());
                    double y = Double.parseDouble(parts[1].trim());
                    if (Math.abs(x) <= 1.0 && Math.abs(y) <= 1.0) {
                        return new Focus(x, y);
                    }
                }
            } catch (NumberFormatException ignored) {
                // fall through to the 422
            }
            throw new UnprocessableException("Validation failed: focus must be two numbers from -1.0 to 1.0, as x,y");
        }
    }

    private final Database db;
    private final MediaAttachmentRepository media;
    private final ScheduledStatusRepository scheduled;
    private final MediaStore store;
    private final ImageProcessor images;
    private final Ffmpeg ffmpeg;
    private final IdGenerator ids;
    private final Clock clock;
    private final Path workRoot;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    /** ffmpeg runs are CPU-heavy: at most this many at once on a node, the rest wait their turn. */
    private final Semaphore transcoding = new Semaphore(2);

    public MediaService(Database db, MediaAttachmentRepository media, ScheduledStatusRepository scheduled,
                        MediaStore store, ImageProcessor images, Ffmpeg ffmpeg, IdGenerator ids, Clock clock,
                        Path workRoot) {
        this.db = db;
        this.media = media;
        this.scheduled = scheduled;
        this.store = store;
        this.images = images;
        this.ffmpeg = ffmpeg;
        this.ids = ids;
        this.clock = clock;
        this.workRoot = workRoot;
    }

    /**
     * Accepts an upload. Returns the attachment, ready (images, or anything when {@code wait}) or still processing.
     */
    public MediaAttachment upload(long accountId, Upload upload, String description, Focus focus, boolean wait) {
        checkDescription(description);
        checkClaimedType(upload.contentType());
        Path work = newWorkDirectory();
        boolean handedOff = false;
        try {
            Path source = work.resolve("source");
            long size = copyBounded(upload.content(), source, Limits.VIDEO_SIZE_LIMIT);
            if (size == 0) {
                throw new UnprocessableException("Validation failed: File is empty");
            }
            MediaSniffer.Kind kind = MediaSniffer.sniff(source);
            boolean animated = kind == MediaSniffer.Kind.GIF && images.isAnimatedGif(source);
            long id = ids.next();
            Instant now = clock.instant();
            if (kind.group == MediaSniffer.Group.IMAGE && !animated) {
                if (size > Limits.IMAGE_SIZE_LIMIT) {
                    throw new UnprocessableException("Validation failed: File file size must be less than "
                            + Limits.IMAGE_SIZE_LIMIT / (1024 * 1024) + " MB");
                }
                ProcessedMedia done = images.process(source, work);
                MediaAttachment row = stored(blank(id, accountId, description, focus, now), done);
                db.inTransaction(tx -> {
                    media.insert(tx, row, now);
                    return null;
                });
                return row;
            }
            if (kind.group == MediaSniffer.Group.UNKNOWN) {
                throw new UnprocessableException("Validation failed: File content type is invalid, File is invalid");
            }
            if (!ffmpeg.available()) {
                throw new UnprocessableException("Validation failed: this server cannot process video or audio "
                        + "(ffmpeg is not installed); images are accepted");
            }
            boolean gifv = animated;
            boolean audio = kind.group == MediaSniffer.Group.AUDIO;
            MediaAttachment pending = blank(id, accountId, description, focus, now);
            pending = new MediaAttachment(id, accountId, null, 0, gifv ? "gifv" : audio ? "audio" : "video",
                    MediaAttachment.PROCESSING, null, null, 0, null, 0, null, null, pending.description(),
                    pending.focusX(), pending.focusY(), null, null, now);
            MediaAttachment row = pending;
            if (wait) {
                MediaAttachment done = stored(row, transcode(source, work, gifv, audio));
                db.inTransaction(tx -> {
                    media.insert(tx, done, now);
                    return null;
                });
                return done;
            }
            db.inTransaction(tx -> {
                media.insert(tx, row, now);
                return null;
            });
            handedOff = true;
            background.submit(() -> processInBackground(row, source, work, gifv, audio));
            return row;
        } finally {
            if (!handedOff) {
                deleteTree(work);
            }
        }
    }

    /** One's own attachment, for GET/PUT/DELETE /api/v1/media/:id; 404 for anyone else's. */
    public MediaAttachment own(long accountId, long mediaId) {
        return db.read(tx -> media.find(tx, mediaId)).filter(m -> m.accountId() == accountId)
                .orElseThrow(() -> new NotFoundException("Record not found"));
    }

    /** PUT /api/v1/media/:id: description and focus of an attachment no post holds yet. */
    public MediaAttachment describe(long accountId, long mediaId, String description, Focus focus,
                                    boolean descriptionGiven, boolean focusGiven) {
        checkDescription(description);
        MediaAttachment m = own(accountId, mediaId);
        if (m.statusId() != null) {
            throw new NotFoundException("Record not found");
        }
        String d = descriptionGiven ? emptyToNull(description) : m.description();
        Double x = focusGiven ? (focus == null ? null : focus.x()) : m.focusX();
        Double y = focusGiven ? (focus == null ? null : focus.y()) : m.focusY();
        db.inTransaction(tx -> {
            media.describe(tx, mediaId, d, x, y, clock.instant());
            return null;
        });
        return m.withDescription(d, x, y);
    }

    /** DELETE /api/v1/media/:id (Mastodon 4.4): only an attachment no post holds. */
    public void delete(long accountId, long mediaId) {
        MediaAttachment m = own(accountId, mediaId);
        if (m.statusId() != null) {
            throw new UnprocessableException("Media attachment is currently used by a status");
        }
        db.inTransaction(tx -> {
            media.delete(tx, mediaId);
            return null;
        });
        deleteFiles(m);
    }

    /**
     * Removes attachments no post holds that are older than {@code cutoff} (abandoned uploads, media of deleted or
     * edited posts) with their files, but not those a scheduled status will attach; returns how many.
     */
    public int sweepUnattached(Instant cutoff, int limit) {
        db.inTransaction(tx -> media.failStaleProcessing(tx, clock.instant().minusSeconds(3600), clock.instant()));
        List<MediaAttachment> gone = db.inTransaction(tx -> {
            List<MediaAttachment> found = media.unattachedBefore(tx, cutoff, limit);
            java.util.Set<Long> kept = scheduled.scheduledMediaIds(tx,
                    found.stream().map(MediaAttachment::accountId).collect(java.util.stream.Collectors.toSet()));
            List<MediaAttachment> rows = found.stream().filter(m -> !kept.contains(m.id())).toList();
            for (MediaAttachment m : rows) {
                media.delete(tx, m.id());
            }
            return rows;
        });
        gone.forEach(this::deleteFiles);
        return gone.size();
    }

    /** Removes an attachment's stored files; a missing file is fine. */
    public void deleteFiles(MediaAttachment m) {
        for (String key : new String[] {m.fileKey(), m.thumbnailKey()}) {
            if (key != null) {
                try {
                    store.delete(key);
                } catch (RuntimeException e) {
                    log.warn("could not delete media file {}: {}", key, e.getMessage());
                }
            }
        }
    }

    @Override
    public void close() {
        background.shutdownNow();
    }

    private void processInBackground(MediaAttachment row, Path source, Path work, boolean gifv, boolean audio) {
        try {
            MediaAttachment done = stored(row, transcode(source, work, gifv, audio));
            db.inTransaction(tx -> {
                media.finish(tx, done, clock.instant());
                return null;
            });
        } catch (RuntimeException e) {
            log.info("media {} could not be processed: {}", row.id(), e.getMessage());
            MediaAttachment failed = new MediaAttachment(row.id(), row.accountId(), null, 0, row.type(),
                    MediaAttachment.FAILED, null, null, 0, null, 0, null, null, row.description(), row.focusX(),
                    row.focusY(), null, null, row.createdAt());
            db.inTransaction(tx -> {
                media.finish(tx, failed, clock.instant());
                return null;
            });
        } finally {
            deleteTree(work);
        }
    }

    private ProcessedMedia transcode(Path source, Path work, boolean gifv, boolean audio) {
        transcoding.acquireUninterruptibly();
        try {
            return audio ? ffmpeg.audio(source, work) : ffmpeg.video(source, work, gifv);
        } finally {
            transcoding.release();
        }
    }

    /** Stores the processed files and returns the row describing them (ready). */
    private MediaAttachment stored(MediaAttachment row, ProcessedMedia done) {
        String base = "media_attachments/" + row.id() + "/" + Secrets.token(8);
        List<String> written = new ArrayList<>();
        try {
            String fileKey = base + "-original." + done.file().extension();
            store.put(fileKey, done.file().path(), done.file().contentType());
            written.add(fileKey);
            String thumbKey = null;
            long thumbSize = 0;
            if (done.thumbnail() != null) {
                thumbKey = base + "-small." + done.thumbnail().extension();
                store.put(thumbKey, done.thumbnail().path(), done.thumbnail().contentType());
                written.add(thumbKey);
                thumbSize = Files.size(done.thumbnail().path());
            }
            return new MediaAttachment(row.id(), row.accountId(), null, 0, done.type(), MediaAttachment.READY,
                    fileKey, done.file().contentType(), Files.size(done.file().path()), thumbKey, thumbSize, null,
                    null, row.description(), row.focusX(), row.focusY(), done.blurhash(), done.meta(),
                    row.createdAt());
        } catch (IOException | RuntimeException e) {
            written.forEach(k -> {
                try {
                    store.delete(k);
                } catch (RuntimeException ignored) {
                    // best effort: the sweep cannot see files without rows, so try now
                }
            });
            throw e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e);
        }
    }

    private static MediaAttachment blank(long id, long accountId, String description, Focus focus, Instant now) {
        return new MediaAttachment(id, accountId, null, 0, "unknown", MediaAttachment.PROCESSING, null, null, 0,
                null, 0, null, null, emptyToNull(description), focus == null ? null : focus.x(),
                focus == null ? null : focus.y(), null, null, now);
    }

    private static void checkDescription(String description) {
        if (description != null && description.codePointCount(0, description.length())
                > Limits.MEDIA_DESCRIPTION_LIMIT) {
            throw new UnprocessableException("Validation failed: Description is too long (maximum is "
                    + Limits.MEDIA_DESCRIPTION_LIMIT + " characters)");
        }
    }

    /**
     * The type the client claimed must at least be a media type: a file sent as text or as a program is refused
     * even when its bytes would pass (Mastodon's content-type validation); the bytes decide what it really is.
     */
    private static void checkClaimedType(String claimed) {
        if (claimed == null || claimed.isBlank()) {
            return;
        }
        String t = claimed.toLowerCase(Locale.ROOT).trim();
        if (!(t.startsWith("image/") || t.startsWith("video/") || t.startsWith("audio/")
                || t.startsWith("application/octet-stream"))) {
            throw new UnprocessableException("Validation failed: File content type is invalid, File is invalid");
        }
    }

    private Path newWorkDirectory() {
        try {
            Files.createDirectories(workRoot);
            return Files.createTempDirectory(workRoot, "media-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a media work directory: " + e.getMessage(), e);
        }
    }

    /** Copies at most {@code limit} bytes; a longer upload is refused before more of it is written. */
    private static long copyBounded(InputStream in, Path target, long limit) {
        try (in; OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > limit) {
                    throw new UnprocessableException("Validation failed: File file size must be less than "
                            + limit / (1024 * 1024) + " MB");
                }
                out.write(buffer, 0, n);
            }
            return total;
        } catch (IOException e) {
            throw new UnprocessableException("Validation failed: File could not be read");
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    log.warn("could not delete {}: {}", p, e.getMessage());
                }
            });
        } catch (IOException e) {
            log.warn("could not delete {}: {}", dir, e.getMessage());
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
