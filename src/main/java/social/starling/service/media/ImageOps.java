package social.starling.service.media;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Pixel work shared by {@link ImageProcessor} and {@link ImageStore}: turning by EXIF orientation, good-quality
 * downscaling, and writing JPEG or PNG with no metadata at all (a fresh image is written, so nothing of the
 * source's EXIF, GPS, XMP, ICC or comments can follow it).
 */
final class ImageOps {
    private ImageOps() {
    }

    /** A width and height. */
    record Dimensions(int width, int height) {
        long pixels() {
            return (long) width * height;
        }
    }

    /**
     * The largest size of the same aspect with at most {@code maxPixels} pixels; the size itself when it already
     * fits (never enlarges), as ImageMagick's {@code 230400@>} and Mastodon's {@code pixels:} styles.
     */
    static Dimensions fitPixels(int width, int height, long maxPixels) {
        long pixels = (long) width * height;
        if (pixels <= maxPixels) {
            return new Dimensions(width, height);
        }
        double scale = Math.sqrt((double) maxPixels / pixels);
        int w = Math.max(1, (int) Math.floor(width * scale));
        int h = Math.max(1, (int) Math.floor(height * scale));
        return new Dimensions(w, h);
    }

    /** The largest size of the same aspect inside {@code box}×{@code box}; never enlarges. */
    static Dimensions fitBox(int width, int height, int box) {
        if (width <= box && height <= box) {
            return new Dimensions(width, height);
        }
        double scale = Math.min((double) box / width, (double) box / height);
        return new Dimensions(Math.max(1, (int) Math.round(width * scale)),
                Math.max(1, (int) Math.round(height * scale)));
    }

    /**
     * {@code source} scaled to exactly {@code width}×{@code height}, as TYPE_3BYTE_BGR (or TYPE_INT_ARGB when it has
     * alpha). Large reductions halve the image with bilinear filtering step by step (each step averages every
     * source pixel, unlike one bilinear pass over a large reduction, which skips most and aliases) and finish
     * with one bilinear step of less than a half: close to a proper box filter's quality, much faster than area
     * averaging or bicubic.
     */
    static BufferedImage scale(BufferedImage source, int width, int height) {
        BufferedImage current = source;
        int w = source.getWidth();
        int h = source.getHeight();
        while (w / 2 >= width && h / 2 >= height) {
            w /= 2;
            h /= 2;
            current = draw(current, w, h, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        if (w != width || h != height || !isPlain(current)) {
            // Within a factor of two bilinear keeps every source pixel in play and is several times faster than
            // Java2D's bicubic, which is kept for enlarging (a small avatar filling its box).
            boolean enlarging = width > w || height > h;
            current = draw(current, width, height, enlarging ? RenderingHints.VALUE_INTERPOLATION_BICUBIC
                    : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        return current;
    }

    /**
     * TYPE_3BYTE_BGR, or TYPE_INT_ARGB with alpha, as the encoders and scalers like them (indexed or grey sources
     * converted). BGR bytes are what the JPEG encoder takes without converting: about a third faster than ints.
     */
    static BufferedImage plain(BufferedImage source) {
        return isPlain(source) ? source
                : draw(source, source.getWidth(), source.getHeight(), RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
    }

    private static boolean isPlain(BufferedImage image) {
        return image.getType() == BufferedImage.TYPE_3BYTE_BGR || image.getType() == BufferedImage.TYPE_INT_ARGB;
    }

    private static BufferedImage draw(BufferedImage source, int width, int height, Object interpolation) {
        boolean alpha = source.getColorModel().hasAlpha();
        BufferedImage out = new BufferedImage(width, height,
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * Turns {@code source} upright according to the EXIF Orientation value: 1 as stored, 2 mirrored, 3 rotated
     * 180°, 4 flipped, 5 transposed, 6 rotated 90° clockwise, 7 transversed, 8 rotated 90° anticlockwise.
     */
    static BufferedImage orient(BufferedImage source, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return source;
        }
        int w = source.getWidth();
        int h = source.getHeight();
        // Each maps a stored pixel's corner (x, y) to the upright image: x' = m00 x + m01 y + m02, y' = m10 x + ...
        AffineTransform t = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            default -> new AffineTransform(0, -1, 1, 0, 0, w); // 8
        };
        boolean swap = orientation >= 5;
        boolean alpha = source.getColorModel().hasAlpha();
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h,
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(source, t, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Writes {@code image} (no alpha) as a baseline JPEG of the given quality (0-1), with no metadata. */
    static void writeJpeg(BufferedImage image, float quality, OutputStream target) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(target)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(plain(image), null, null), param);
        } finally {
            writer.dispose();
        }
    }

    /** Writes {@code image} as PNG, with no metadata. */
    static void writePng(BufferedImage image, OutputStream target) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(target)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), writer.getDefaultWriteParam());
        } finally {
            writer.dispose();
        }
    }
}
