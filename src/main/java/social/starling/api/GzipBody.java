package social.starling.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * gzip for the hot JSON answers ({@link JsonBody}), which every app asks for: the whole body deflated in one call by
 * a pooled {@link Deflater}, where Javalin's compression makes a new Deflater for each answer (its native state
 * allocated and cleared every time) and feeds it through a stream in small pieces. Same level as the rest of the
 * server ({@link HttpServer#GZIP_LEVEL}), same format (RFC 1952, as {@code java.util.zip.GZIPOutputStream} writes it).
 */
final class GzipBody {
    /** Smaller answers go as they are: below this, gzip's header and the work outweigh the bytes saved. */
    static final int MIN_BYTES = 1_500;
    private static final int POOLED = 16;
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, 0};

    private static final Queue<Deflater> POOL = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger POOL_SIZE = new AtomicInteger();

    private GzipBody() {
    }

    /** Whether an {@code Accept-Encoding} header accepts gzip (a {@code gzip} coding whose q-value is not 0). */
    static boolean accepted(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            if (!parts[0].trim().toLowerCase(Locale.ROOT).equals("gzip")) {
                continue;
            }
            for (int i = 1; i < parts.length; i++) {
                String param = parts[i].trim().toLowerCase(Locale.ROOT);
                if (param.startsWith("q=") && isZero(param.substring(2).trim())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean isZero(String q) {
        try {
            return Double.parseDouble(q) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The body as a gzip member. */
    static byte[] gzip(byte[] body) {
        PooledBytes out = PooledBytes.take();
        try {
            gzip(body, body.length, out);
            return Arrays.copyOf(out.array(), out.size());
        } finally {
            out.release();
        }
    }

    /** The first {@code length} bytes of {@code body} as a gzip member, appended to {@code out}. */
    static void gzip(byte[] body, int length, PooledBytes out) {
        Deflater deflater = POOL.poll();
        if (deflater == null) {
            deflater = new Deflater(HttpServer.GZIP_LEVEL, true);
        } else {
            POOL_SIZE.decrementAndGet();
        }
        try {
            deflater.setInput(body, 0, length);
            deflater.finish();
            out.write(HEADER, 0, HEADER.length);
            out.ensure(length / 4 + 64);
            while (!deflater.finished()) {
                if (out.free() == 0) {
                    out.ensure(out.size()); // full: twice the room
                }
                out.advance(deflater.deflate(out.array(), out.size(), out.free()));
            }
            CRC32 crc = new CRC32();
            crc.update(body, 0, length);
            byte[] trailer = new byte[8];
            writeIntLe(trailer, 0, (int) crc.getValue());
            writeIntLe(trailer, 4, length);
            out.write(trailer, 0, trailer.length);
        } finally {
            deflater.reset();
            if (POOL_SIZE.incrementAndGet() <= POOLED) {
                POOL.offer(deflater);
            } else {
                POOL_SIZE.decrementAndGet();
                deflater.end();
            }
        }
    }

    private static void writeIntLe(byte[] out, int at, int value) {
        out[at] = (byte) value;
        out[at + 1] = (byte) (value >>> 8);
        out[at + 2] = (byte) (value >>> 16);
        out[at + 3] = (byte) (value >>> 24);
    }
}
