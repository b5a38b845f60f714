package social.starling.service.media;

import social.starling.model.MediaMeta;
import io.trbl.blurhash.BlurHash;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import social.starling.errors.UnprocessableException;
import social.starling.model.Limits;
import social.starling.service.media.ImageDecoder.Decoded;
import social.starling.service.media.ImageDecoder.Refused;
import social.starling.service.media.ImageOps.Dimensions;

/**
 * Still images (JPEG, PNG, WebP, GIF's first frame): decodes within the byte and pixel limits, applies the EXIF
 * orientation, re-encodes without metadata, makes the preview and the blurhash, as Mastodon's MediaAttachment
 * styles do: the original is kept up to 8,294,400 pixels (3840×2160) and the preview ("small") is at most
 * 230,400 pixels (640×360), both scaled down keeping the aspect ratio, never up. JPEG stays JPEG and PNG stays
 * PNG; WebP and GIF become PNG when they have transparency, JPEG otherwise (WebP cannot be written here). The
 * preview is JPEG, or PNG when the image has transparency.
 */
public final class ImageProcessor {
    static final long ORIGINAL_MAX_PIXELS = 8_294_400L;
    static final long SMALL_MAX_PIXELS = 230_400L;
    /**
     * The blurhash is computed from a thumbnail fitting this box (Mastodon uses 100 pixels): 4×3 components are
     * at most 3 cycles across, which 32 pixels sample amply, and the encoder converts every pixel to linear light
     * once per component (12 times), so a 100-pixel thumbnail costs ten times as much for the same hash to the eye.
     */
    private static final int BLURHASH_BOX = 32;
    private static final float ORIGINAL_QUALITY = 0.9f;
    private static final float SMALL_QUALITY = 0.85f;

    private static final String UNREADABLE = "Validation failed: File could not be read as an image";

    /**
     * Decoding takes memory in proportion to pixels (about 130 MB for a 33-megapixel image), not to the file: at
     * most this many images are decoded at once on a node, whatever the number of uploads, so a burst of large
     * uploads waits its turn instead of filling the heap.
     */
    private final java.util.concurrent.Semaphore decoding =
            new java.util.concurrent.Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()), true);

    /** Processes {@code source} (already known to be an image by its magic bytes); writes into {@code workDir}. */
    public ProcessedMedia process(Path source, Path workDir) {
        decoding.acquireUninterruptibly();
        try {
            return processNow(source, workDir);
        } finally {
            decoding.release();
        }
    }

    private ProcessedMedia processNow(Path source, Path workDir) {
        Decoded decoded = decode(source);
        boolean alpha = decoded.hasAlpha();
        boolean png = alpha || decoded.format() == ImageDecoder.Format.PNG;

        // Scale in the stored orientation, then turn: turning the smaller image is cheaper.
        Dimensions upright = ImageOps.fitPixels(decoded.uprightWidth(), decoded.uprightHeight(), ORIGINAL_MAX_PIXELS);
        boolean swap = decoded.orientation() >= 5;
        BufferedImage stored = ImageOps.scale(decoded.image(),
                swap ? upright.height() : upright.width(), swap ? upright.width() : upright.height());
        BufferedImage original = ImageOps.orient(stored, decoded.orientation());

        Dimensions smallSize = ImageOps.fitPixels(original.getWidth(), original.getHeight(), SMALL_MAX_PIXELS);
        BufferedImage small = ImageOps.scale(original, smallSize.width(), smallSize.height());
        Dimensions hashSize = ImageOps.fitBox(small.getWidth(), small.getHeight(), BLURHASH_BOX);
        String blurhash = BlurHash.encode(ImageOps.scale(small, hashSize.width(), hashSize.height()), 4, 3);

        try {
            Files.createDirectories(workDir);
            ProcessedMedia.MediaFile file = write(original, png, ORIGINAL_QUALITY, workDir, "original");
            ProcessedMedia.MediaFile thumbnail = write(small, alpha, SMALL_QUALITY, workDir, "small");
            MediaMeta meta = MediaMeta.image(MediaMeta.Size.image(original.getWidth(), original.getHeight()),
                    MediaMeta.Size.image(small.getWidth(), small.getHeight()));
            return new ProcessedMedia("image", file, thumbnail, meta, blurhash);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write processed image: " + e.getMessage(), e);
        }
    }

    /** Whether {@code source} is a GIF with more than one frame (Mastodon turns those into gifv). */
    public boolean isAnimatedGif(Path source) {
        try (ImageInputStream in = new FileImageInputStream(source.toFile())) {
            return ImageDecoder.gifFrames(in, 2) > 1;
        } catch (IOException e) {
            return false;
        }
    }

    private static Decoded decode(Path source) {
        long bytes;
        try {
            bytes = Files.size(source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read upload: " + e.getMessage(), e);
        }
        if (bytes > Limits.IMAGE_SIZE_LIMIT) {
            throw new UnprocessableException("Validation failed: File file size must be less than "
                    + Limits.IMAGE_SIZE_LIMIT / (1024 * 1024) + " MB");
        }
        if (bytes == 0) {
            throw new UnprocessableException(UNREADABLE);
        }
        try (ImageInputStream in = new FileImageInputStream(source.toFile())) {
            return ImageDecoder.decode(in, Limits.IMAGE_MATRIX_LIMIT);
        } catch (Refused r) {
            // Mastodon: "#{width}x#{height} images are not supported" (MediaAttachment#check_image_dimension)
            throw new UnprocessableException(switch (r.failure) {
                case TOO_LARGE -> r.width + "x" + r.height + " images are not supported";
                case NOT_AN_IMAGE, UNREADABLE -> UNREADABLE;
            });
        } catch (IOException e) {
            throw new UnprocessableException(UNREADABLE);
        }
    }

    private static ProcessedMedia.MediaFile write(BufferedImage image, boolean png, float quality, Path dir,
                                                  String name) throws IOException {
        String extension = png ? "png" : "jpg";
        Path path = dir.resolve(name + "." + extension);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 64 * 1024)) {
            if (png) {
                ImageOps.writePng(image, out);
            } else {
                ImageOps.writeJpeg(image, quality, out);
            }
        }
        return new ProcessedMedia.MediaFile(path, png ? "image/png" : "image/jpeg", extension);
    }
}
