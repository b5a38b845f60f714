package social.starling.service.media;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import social.starling.errors.UnprocessableException;
import social.starling.support.Secrets;

/**
 * Stores profile images (avatars, headers) in the {@link MediaStore}, resized and cropped to fill a fixed box as
 * Mastodon does (400×400 avatars, 1500×500 headers). Decoding is {@link ImageDecoder}'s, as for media uploads:
 * JPEG, PNG, WebP or GIF, dimensions checked from the header before decoding (a decompression bomb is refused
 * without being decoded), truncated files refused, EXIF orientation applied. Files are written as JPEG, or PNG
 * when the image has transparency, without metadata; the stored name is random.
 */
public final class ImageStore {
    public record Box(int width, int height) {
    }

    public static final Box AVATAR = new Box(400, 400);
    public static final Box HEADER = new Box(1500, 500);
    public static final long MAX_BYTES = 2L * 1024 * 1024;
    public static final long MAX_PIXELS = 33_177_600L;
    private static final float JPEG_QUALITY = 0.88f;

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
                ImageOps.writePng(scaled, encoded);
            } else {
                ImageOps.writeJpeg(scaled, JPEG_QUALITY, encoded);
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
        try {
            return ImageDecoder.decode(bytes, MAX_PIXELS).upright();
        } catch (ImageDecoder.Refused r) {
            throw new UnprocessableException("Validation failed: " + field + switch (r.failure) {
                case NOT_AN_IMAGE -> " must be an image (JPEG, PNG, GIF or WebP)";
                case TOO_LARGE -> " dimensions are too large";
                case UNREADABLE -> " could not be read as an image";
            });
        }
    }

    /** Scales to cover the box, then crops the centre, like ImageMagick's "WxH#". */
    static BufferedImage cover(BufferedImage source, Box box) {
        double scale = Math.max((double) box.width() / source.getWidth(), (double) box.height() / source.getHeight());
        int w = Math.max(box.width(), (int) Math.round(source.getWidth() * scale));
        int h = Math.max(box.height(), (int) Math.round(source.getHeight() * scale));
        BufferedImage scaled = ImageOps.scale(source, w, h);
        boolean alpha = scaled.getColorModel().hasAlpha();
        BufferedImage out = new BufferedImage(box.width(), box.height(),
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src);
            g.drawImage(scaled, -(w - box.width()) / 2, -(h - box.height()) / 2, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
