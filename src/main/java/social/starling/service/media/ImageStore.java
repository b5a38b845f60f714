package social.starling.service.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import social.starling.errors.UnprocessableException;
import social.starling.support.Secrets;

/**
 * Stores profile images (avatars, headers) in the {@link MediaStore}, resized and cropped to fill a fixed box as
 * Mastodon does (400×400 avatars, 1500×500 headers). The image's dimensions are read from its header before
 * decoding, so a small file that claims a huge canvas (a decompression bomb) is refused without being decoded.
 * Files are written as JPEG, or PNG when the image has transparency; the stored name is random.
 */
public final class ImageStore {
    public record Box(int width, int height) {
    }

    public static final Box AVATAR = new Box(400, 400);
    public static final Box HEADER = new Box(1500, 500);
    public static final long MAX_BYTES = 2L * 1024 * 1024;
    public static final long MAX_PIXELS = 33_177_600L;

    private final MediaStore media;

    public ImageStore(MediaStore media) {
        this.media = media;
    }

    /**
     * Decodes, resizes and stores {@code bytes}; returns the media key (a path relative to the media root, served
     * under {@code /system/}). {@code folder} is e.g. {@code accounts/avatars/123}.
     */
    public String store(byte[] bytes, Box box, String folder, String field) {
        if (bytes.length == 0) {
            throw new UnprocessableException("Validation failed: " + field + " is empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new UnprocessableException("Validation failed: " + field + " file size must be less than 2 MB");
        }
        BufferedImage image = decode(bytes, field);
        BufferedImage scaled = cover(image, box);
        boolean alpha = scaled.getColorModel().hasAlpha();
        String name = folder + "/" + Secrets.token(12) + (alpha ? ".png" : ".jpg");
        try {
            ByteArrayOutputStream encoded = new ByteArrayOutputStream();
            if (alpha) {
                ImageIO.write(scaled, "png", encoded);
            } else {
                writeJpeg(scaled, encoded);
            }
            media.put(name, encoded.toByteArray(), alpha ? "image/png" : "image/jpeg");
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("could not store " + field + ": " + e.getMessage(), e);
        }
        return name;
    }

    /** Removes a stored image, if it can; an orphaned file is harmless. */
    public void delete(String key) {
        if (key == null) {
            return;
        }
        try {
            media.delete(key);
        } catch (UncheckedIOException | IllegalArgumentException ignored) {
            // an orphaned file (or a key this store never made) is harmless
        }
    }

    private static BufferedImage decode(byte[] bytes, String field) {
        try (InputStream in = new ByteArrayInputStream(bytes); ImageInputStream iis = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = iis == null ? null : ImageIO.getImageReaders(iis);
            if (readers == null || !readers.hasNext()) {
                throw new UnprocessableException("Validation failed: " + field
                        + " must be an image (JPEG, PNG, GIF or WebP)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new UnprocessableException("Validation failed: " + field + " dimensions are too large");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnprocessableException u) {
                throw u;
            }
            throw new UnprocessableException("Validation failed: " + field + " could not be read as an image");
        }
    }

    /** Scales to cover the box, then crops the centre, like ImageMagick's "WxH#". */
    static BufferedImage cover(BufferedImage source, Box box) {
        double scale = Math.max((double) box.width() / source.getWidth(), (double) box.height() / source.getHeight());
        int w = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(source.getHeight() * scale));
        boolean alpha = source.getColorModel().hasAlpha();
        BufferedImage out = new BufferedImage(box.width(), box.height(),
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, (box.width() - w) / 2, (box.height() - h) / 2, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static void writeJpeg(BufferedImage image, OutputStream target) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(target)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.88f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
