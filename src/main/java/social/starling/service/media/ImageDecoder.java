package social.starling.service.media;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * The one way Starling decodes a still image, for uploads ({@link ImageProcessor}) and profile images
 * ({@link ImageStore}): JPEG, PNG, WebP or a GIF's first frame, read from an {@link ImageInputStream} (a file or a
 * small buffer, never copied whole into memory). The dimensions are read from the header and checked before a
 * pixel is decoded, so a small file claiming a huge canvas (a decompression bomb) costs nothing; a truncated or
 * corrupt file is refused rather than stored half grey; the EXIF orientation (JPEG APP1, PNG {@code eXIf}, WebP
 * {@code EXIF}) is read so the caller can turn the pixels upright — and nothing else of the metadata is kept.
 */
final class ImageDecoder {
    enum Format { JPEG, PNG, WEBP, GIF }

    enum Failure { NOT_AN_IMAGE, TOO_LARGE, UNREADABLE }

    /** Why a file was refused; callers turn it into their own client message. */
    static final class Refused extends Exception {
        final Failure failure;
        final int width;
        final int height;

        Refused(Failure failure, int width, int height) {
            super(failure + (failure == Failure.TOO_LARGE ? " " + width + "x" + height : ""), null, false, false);
            this.failure = failure;
            this.width = width;
            this.height = height;
        }

        Refused(Failure failure) {
            this(failure, 0, 0);
        }
    }

    /**
     * A decoded image as stored in the file (not yet turned), its format and its EXIF orientation (1-8; 1 when
     * absent or unreadable).
     */
    record Decoded(BufferedImage image, Format format, int orientation) {
        /** Width once the orientation is applied (orientations 5-8 swap the axes). */
        int uprightWidth() {
            return orientation >= 5 ? image.getHeight() : image.getWidth();
        }

        int uprightHeight() {
            return orientation >= 5 ? image.getWidth() : image.getHeight();
        }

        boolean hasAlpha() {
            return image.getColorModel().hasAlpha();
        }

        /** The pixels turned upright. */
        BufferedImage upright() {
            return ImageOps.orient(image, orientation);
        }
    }

    // Warnings TwelveMonkeys and libjpeg give for a file that ends before its image data does: the reader then
    // returns the decoded part padded with grey. "Corrupt JPEG data: N extraneous bytes before marker" and the
    // like are common in camera files and decode fine, so only the end-of-data warnings refuse.
    private static final List<String> TRUNCATION_WARNINGS = List.of("truncated", "premature end", "missing eoi");
    private static final int MAX_EXIF_BYTES = 256 * 1024;

    private ImageDecoder() {
    }

    /** Decodes the image in {@code bytes} (a profile image, small); see {@link #decode(ImageInputStream, long)}. */
    static Decoded decode(byte[] bytes, long maxPixels) throws Refused {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            return decode(in, maxPixels);
        } catch (IOException e) {
            throw new Refused(Failure.UNREADABLE);
        }
    }

    /**
     * Decodes the first image in {@code in} (positioned at its start), refusing anything but JPEG, PNG, WebP and
     * GIF, a canvas of more than {@code maxPixels} (checked from the header, before decoding) and truncated or
     * corrupt data.
     */
    static Decoded decode(ImageInputStream in, long maxPixels) throws Refused {
        ImageReader reader = null;
        try {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new Refused(Failure.NOT_AN_IMAGE);
            }
            reader = readers.next();
            Format format = format(reader);
            if (format == null) {
                throw new Refused(Failure.NOT_AN_IMAGE);
            }
            int orientation = orientation(in, format);
            in.seek(0);
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw new Refused(Failure.UNREADABLE);
            }
            if ((long) width * height > maxPixels) {
                throw new Refused(Failure.TOO_LARGE, width, height);
            }
            BufferedImage image = reader.read(0);
            if (image == null || truncated(warnings)) {
                throw new Refused(Failure.UNREADABLE);
            }
            return new Decoded(image, format, orientation);
        } catch (IOException | RuntimeException e) {
            // ImageIO readers report corrupt data as IIOException, EOFException, and sometimes as
            // IndexOutOfBounds or IllegalArgument from deep inside a codec: all mean "not a readable image".
            throw new Refused(Failure.UNREADABLE);
        } finally {
            if (reader != null) {
                reader.dispose();
            }
        }
    }

    /**
     * Counts the images in a GIF up to {@code limit}, walking its blocks without decoding any (an animated GIF
     * has more than one). 0 if it is not a GIF; a truncated file counts the frames that begin before its end.
     */
    static int gifFrames(ImageInputStream in, int limit) throws IOException {
        byte[] header = new byte[6];
        if (in.read(header) != 6 || header[0] != 'G' || header[1] != 'I' || header[2] != 'F') {
            return 0;
        }
        in.skipBytes(4); // logical screen width and height
        int packed = in.read();
        in.skipBytes(2); // background colour, aspect ratio
        if (packed < 0) {
            return 0;
        }
        if ((packed & 0x80) != 0) {
            in.skipBytes(3L << ((packed & 7) + 1)); // global colour table
        }
        int frames = 0;
        while (frames < limit) {
            int block = in.read();
            if (block == 0x2C) { // image descriptor
                frames++;
                in.skipBytes(8); // left, top, width, height
                int local = in.read();
                if (local < 0) {
                    break;
                }
                if ((local & 0x80) != 0) {
                    in.skipBytes(3L << ((local & 7) + 1));
                }
                in.skipBytes(1); // LZW minimum code size
                if (!skipSubBlocks(in)) {
                    break;
                }
            } else if (block == 0x21) { // extension: label, then data sub-blocks
                in.skipBytes(1);
                if (!skipSubBlocks(in)) {
                    break;
                }
            } else { // 0x3B trailer, end of file, or garbage
                break;
            }
        }
        return frames;
    }

    private static boolean skipSubBlocks(ImageInputStream in) throws IOException {
        while (true) {
            int size = in.read();
            if (size < 0) {
                return false;
            }
            if (size == 0) {
                return true;
            }
            if (in.skipBytes(size) < size) {
                return false;
            }
        }
    }

    private static Format format(ImageReader reader) throws IOException {
        return switch (reader.getFormatName().toLowerCase(Locale.ROOT)) {
            case "jpeg", "jpg" -> Format.JPEG;
            case "png" -> Format.PNG;
            case "webp" -> Format.WEBP;
            case "gif" -> Format.GIF;
            default -> null;
        };
    }

    private static boolean truncated(List<String> warnings) {
        for (String warning : warnings) {
            String w = warning == null ? "" : warning.toLowerCase(Locale.ROOT);
            for (String marker : TRUNCATION_WARNINGS) {
                if (w.contains(marker)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The EXIF Orientation (1-8), 1 when there is none or it cannot be read; leaves {@code in} anywhere. */
    static int orientation(ImageInputStream in, Format format) {
        try {
            in.seek(0);
            byte[] tiff = switch (format) {
                case JPEG -> jpegExif(in);
                case PNG -> pngExif(in);
                case WEBP -> webpExif(in);
                case GIF -> null;
            };
            return tiff == null ? 1 : orientation(tiff);
        } catch (IOException | RuntimeException e) {
            return 1; // a broken EXIF block does not make the picture unreadable
        }
    }

    private static int orientation(byte[] exif) throws IOException {
        int start = tiffStart(exif);
        if (start < 0) {
            return 1;
        }
        try (ImageInputStream tiff = new MemoryCacheImageInputStream(
                new ByteArrayInputStream(exif, start, exif.length - start))) {
            Directory ifd0 = new TIFFReader().read(tiff);
            Entry entry = ifd0.getEntryById(TIFF.TAG_ORIENTATION);
            if (entry != null && entry.getValue() instanceof Number n && n.intValue() >= 1 && n.intValue() <= 8) {
                return n.intValue();
            }
            return 1;
        }
    }

    /** Where the TIFF header ("II*\0" or "MM\0*") begins: EXIF blocks may start with "Exif\0\0" or part of it. */
    private static int tiffStart(byte[] b) {
        for (int i = 0; i + 4 <= b.length && i <= 8; i++) {
            if ((b[i] == 'I' && b[i + 1] == 'I' && b[i + 2] == 42 && b[i + 3] == 0)
                    || (b[i] == 'M' && b[i + 1] == 'M' && b[i + 2] == 0 && b[i + 3] == 42)) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] jpegExif(ImageInputStream in) throws IOException {
        List<JPEGSegment> segments = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
        return segments.isEmpty() ? null : segments.getFirst().data().readAllBytes();
    }

    /** PNG: the {@code eXIf} chunk, which must come before the image data. */
    private static byte[] pngExif(ImageInputStream in) throws IOException {
        in.setByteOrder(ByteOrder.BIG_ENDIAN);
        in.skipBytes(8);
        while (true) {
            long length = in.readUnsignedInt();
            int type = in.readInt();
            if (type == 0x65584966) { // eXIf
                return length <= MAX_EXIF_BYTES ? readBytes(in, (int) length) : null;
            }
            if (type == 0x49444154 || type == 0x49454E44) { // IDAT, IEND
                return null;
            }
            if (in.skipBytes(length + 4) < length + 4) { // data and CRC
                return null;
            }
        }
    }

    /** WebP (RIFF): the {@code EXIF} chunk, usually after the image data. */
    private static byte[] webpExif(ImageInputStream in) throws IOException {
        in.setByteOrder(ByteOrder.LITTLE_ENDIAN);
        try {
            in.skipBytes(12); // "RIFF", size, "WEBP"
            while (true) {
                int fourcc = in.readInt();
                long size = in.readUnsignedInt();
                if (fourcc == 0x46495845) { // "EXIF" read little-endian
                    return size <= MAX_EXIF_BYTES ? readBytes(in, (int) size) : null;
                }
                long padded = size + (size & 1);
                if (in.skipBytes(padded) < padded) {
                    return null;
                }
            }
        } finally {
            in.setByteOrder(ByteOrder.BIG_ENDIAN);
        }
    }

    private static byte[] readBytes(ImageInputStream in, int length) throws IOException {
        byte[] data = new byte[length];
        in.readFully(data);
        return data;
    }
}
