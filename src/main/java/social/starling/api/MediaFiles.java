package social.starling.api;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import social.starling.service.media.MediaKeys;

/**
 * Uploaded media on local disk ({@code LocalMediaStore}'s folder), served at {@code /system/<key>} as Mastodon does.
 * A handler of its own rather than Javalin's static files, which answer no {@code Range} (a video could not seek)
 * and add {@code charset=utf-8} to images. Every answer is typed by the file's extension (unknown: an octet stream),
 * never sniffed, sandboxed by {@code Content-Security-Policy} (an uploaded SVG or HTML file cannot run script in
 * this origin) and cacheable for a year: keys are random and never reused. Only media keys are served (no {@code ..},
 * no hidden or temporary files), so nothing outside the folder is reachable.
 */
public final class MediaFiles {
    static final String CACHE_CONTROL = "public, max-age=31536000, immutable";
    static final String SANDBOX = "default-src 'none'; sandbox";
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("png", "image/png"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("avif", "image/avif"),
            Map.entry("heic", "image/heic"), Map.entry("svg", "image/svg+xml"),
            Map.entry("mp4", "video/mp4"), Map.entry("m4v", "video/mp4"), Map.entry("webm", "video/webm"),
            Map.entry("mov", "video/quicktime"),
            Map.entry("mp3", "audio/mpeg"), Map.entry("ogg", "audio/ogg"), Map.entry("oga", "audio/ogg"),
            Map.entry("opus", "audio/ogg"), Map.entry("m4a", "audio/mp4"), Map.entry("wav", "audio/wav"),
            Map.entry("flac", "audio/flac"), Map.entry("aac", "audio/aac"));

    private final Path root;

    public MediaFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public void install(JavalinDefaultRoutingApi routes) {
        routes.get("/system/<key>", ctx -> serve(ctx, true));
        routes.head("/system/<key>", ctx -> serve(ctx, false));
    }

    private void serve(Context ctx, boolean body) throws IOException {
        String key = ctx.pathParam("key");
        if (!MediaKeys.valid(key)) {
            throw new NotFoundResponse();
        }
        Path file = root.resolve(key).normalize();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new NotFoundResponse();
        }
        if (!file.startsWith(root) || !attributes.isRegularFile()) {
            throw new NotFoundResponse();
        }
        long size = attributes.size();
        String etag = "\"" + Long.toHexString(size) + "-" + Long.toHexString(attributes.lastModifiedTime().toMillis())
                + "\"";
        ctx.disableCompression();
        ctx.res().setCharacterEncoding(null); // no charset on media
        ctx.contentType(type(key));
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", SANDBOX);
        ctx.header("Cache-Control", CACHE_CONTROL);
        ctx.header("Accept-Ranges", "bytes");
        ctx.header("ETag", etag);
        ctx.header("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(
                Instant.ofEpochMilli(attributes.lastModifiedTime().toMillis()).atOffset(ZoneOffset.UTC)));
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        long start = 0;
        long length = size;
        String range = ctx.header("Range");
        String ifRange = ctx.header("If-Range");
        if (range != null && (ifRange == null || ifRange.equals(etag))) {
            Matcher m = RANGE.matcher(range.strip());
            if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty()) && ordered(m.group(1), m.group(2))) {
                // One range only; a list of ranges (or nonsense) is answered with the whole file, as RFC 9110 allows.
                long[] span = span(m.group(1), m.group(2), size);
                if (span == null) {
                    ctx.status(416);
                    ctx.header("Content-Range", "bytes */" + size);
                    return;
                }
                start = span[0];
                length = span[1] - span[0] + 1;
                ctx.status(206);
                ctx.header("Content-Range", "bytes " + span[0] + "-" + span[1] + "/" + size);
            }
        }
        ctx.res().setContentLengthLong(length);
        if (!body) {
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(start);
            OutputStream out = ctx.res().getOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long left = length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break; // the file shrank meanwhile; the client sees a short body
                }
                out.write(buffer, 0, n);
                left -= n;
            }
            out.flush();
        }
    }

    /** First and last byte of {@code bytes=first-last}, {@code first-} or {@code -suffix}; null if unsatisfiable. */
    private static long[] span(String first, String last, long size) {
        try {
            if (first.isEmpty()) {
                long suffix = Long.parseLong(last);
                return suffix == 0 || size == 0 ? null : new long[] {Math.max(0, size - suffix), size - 1};
            }
            long from = Long.parseLong(first);
            long to = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
            return from >= size ? null : new long[] {from, to};
        } catch (NumberFormatException e) {
            return null; // more digits than a long: no file is that large
        }
    }

    /** {@code first-last} with last before first is not a range at all (RFC 9110): the header is ignored. */
    private static boolean ordered(String first, String last) {
        return first.isEmpty() || last.isEmpty() || first.length() > 18 || last.length() > 18
                || Long.parseLong(last) >= Long.parseLong(first);
    }

    static String type(String key) {
        int dot = key.lastIndexOf('.');
        String extension = dot < 0 ? "" : key.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
