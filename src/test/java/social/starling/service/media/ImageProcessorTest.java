package social.starling.service.media;

import social.starling.model.MediaMeta;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import social.starling.errors.UnprocessableException;
import social.starling.model.Limits;

/**
 * Still-image processing on the real fixture files in src/test/resources/media (made by
 * scripts/media-fixtures-images.sh): sizes, formats, previews and blurhash, EXIF orientation applied and every
 * piece of metadata gone, and the files that must be refused.
 */
class ImageProcessorTest {
    @TempDir
    Path work;

    private final ImageProcessor processor = new ImageProcessor();

    static Path fixture(String name) {
        try {
            return Path.of(ImageProcessorTest.class.getResource("/media/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPhotoIsTurnedUprightAndKeptAsJpeg() throws IOException {
        ProcessedMedia m = processor.process(fixture("photo-exif.jpg"), work);
        assertThat(m.type()).isEqualTo("image");
        assertThat(m.file().contentType()).isEqualTo("image/jpeg");
        assertThat(m.file().extension()).isEqualTo("jpg");
        assertThat(m.file().path()).startsWith(work).exists();
        // Stored 640x480 with Orientation=6 (rotate 90° clockwise to show): the upright picture is 480x640.
        assertThat(m.meta().original().width()).isEqualTo(480);
        assertThat(m.meta().original().height()).isEqualTo(640);
        BufferedImage out = ImageIO.read(m.file().path().toFile());
        assertThat(out.getWidth()).isEqualTo(480);
        assertThat(out.getHeight()).isEqualTo(640);
        // The red square in the stored top-left corner is at the top right once turned.
        assertThat(isRed(out.getRGB(out.getWidth() - 20, 20))).isTrue();
        assertThat(isRed(out.getRGB(20, 20))).isFalse();
        assertThat(isRed(out.getRGB(20, out.getHeight() - 20))).isFalse();
        // 480x640 = 307,200 pixels: the preview is scaled to at most 230,400, keeping the aspect.
        assertPreview(m, "image/jpeg");
        BufferedImage small = ImageIO.read(m.thumbnail().path().toFile());
        assertThat(small.getHeight()).isGreaterThan(small.getWidth());
        assertThat((double) small.getWidth() / small.getHeight()).isCloseTo(0.75, org.assertj.core.data.Offset.offset(0.01));
        assertThat(isRed(small.getRGB(small.getWidth() - 10, 10))).isTrue();
    }

    @Test
    void noExifGpsXmpOrCommentSurvives() throws IOException {
        byte[] source = Files.readAllBytes(fixture("photo-exif.jpg"));
        assertThat(contains(source, "Exif")).isTrue(); // the fixture does carry them
        assertThat(contains(source, "GPS") || contains(source, "Starling")).isTrue();

        ProcessedMedia m = processor.process(fixture("photo-exif.jpg"), work);
        for (ProcessedMedia.MediaFile f : List.of(m.file(), m.thumbnail())) {
            byte[] bytes = Files.readAllBytes(f.path());
            for (String marker : List.of("Exif", "GPS", "Starling", "Fixture", "http://ns.adobe.com", "a JPEG comment",
                    "ICC_PROFILE")) {
                assertThat(contains(bytes, marker)).as(f.path().getFileName() + " contains " + marker).isFalse();
            }
            // Read the file's segments back: only JFIF's APP0 may precede the image, no APP1-15 nor comments.
            try (ImageInputStream in = ImageIO.createImageInputStream(f.path().toFile())) {
                List<JPEGSegment> segments = JPEGSegmentUtil.readSegments(in, JPEGSegmentUtil.ALL_SEGMENTS);
                assertThat(segments).extracting(JPEGSegment::marker)
                        .noneMatch(marker -> marker >= 0xFFE1 && marker <= 0xFFEF)
                        .doesNotContain(0xFFFE);
            }
            // and ImageIO's own view of the metadata has no unknown (APPn) or comment markers
            try (ImageInputStream in = ImageIO.createImageInputStream(f.path().toFile())) {
                ImageReader reader = ImageIO.getImageReaders(in).next();
                reader.setInput(in);
                IIOMetadata meta = reader.getImageMetadata(0);
                IIOMetadataNode tree = (IIOMetadataNode) meta.getAsTree(meta.getNativeMetadataFormatName());
                assertThat(tree.getElementsByTagName("unknown").getLength()).isZero();
                assertThat(tree.getElementsByTagName("com").getLength()).isZero();
                assertThat(tree.getElementsByTagName("app14Adobe").getLength()).isZero();
                reader.dispose();
            }
        }
    }

    @Test
    void aPngWithAlphaStaysPngWithAlpha() throws IOException {
        ProcessedMedia m = processor.process(fixture("image.png"), work);
        assertThat(m.type()).isEqualTo("image");
        assertThat(m.file().contentType()).isEqualTo("image/png");
        assertThat(m.file().extension()).isEqualTo("png");
        assertThat(m.meta().original()).isEqualTo(MediaMeta.Size.image(400, 300));
        assertThat(m.meta().small()).isEqualTo(MediaMeta.Size.image(400, 300)); // small enough: not enlarged
        BufferedImage out = ImageIO.read(m.file().path().toFile());
        assertThat(out.getColorModel().hasAlpha()).isTrue();
        assertThat(out.getRGB(350, 150) >>> 24).isEqualTo(96); // the half-transparent right side
        assertThat(out.getRGB(50, 150) >>> 24).isEqualTo(255);
        assertPreview(m, "image/png");
        assertThat(ImageIO.read(m.thumbnail().path().toFile()).getColorModel().hasAlpha()).isTrue();
    }

    @Test
    void aWebpDecodesAndBecomesJpegWhenOpaque() throws IOException {
        ProcessedMedia m = processor.process(fixture("image.webp"), work);
        assertThat(m.type()).isEqualTo("image");
        assertThat(m.file().contentType()).isEqualTo("image/jpeg");
        assertThat(m.file().extension()).isEqualTo("jpg");
        assertThat(m.meta().original()).isEqualTo(MediaMeta.Size.image(400, 300));
        assertThat(ImageIO.read(m.file().path().toFile()).getWidth()).isEqualTo(400);
        assertPreview(m, "image/jpeg");
    }

    @Test
    void aStillGifBecomesJpegWhenOpaque() throws IOException {
        ProcessedMedia m = processor.process(fixture("still.gif"), work);
        assertThat(m.type()).isEqualTo("image");
        assertThat(m.file().contentType()).isEqualTo("image/jpeg");
        assertThat(m.meta().original()).isEqualTo(MediaMeta.Size.image(320, 240));
        assertPreview(m, "image/jpeg");
        assertThat(processor.isAnimatedGif(fixture("still.gif"))).isFalse();
    }

    @Test
    void aGifWithTransparencyBecomesPng() throws IOException {
        BufferedImage frame = new BufferedImage(60, 40, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = frame.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, 30, 40); // the right half stays transparent
        g.dispose();
        Path gif = work.resolve("in.gif");
        writeGif(gif, frame);
        ProcessedMedia m = processor.process(gif, work.resolve("out"));
        assertThat(m.file().contentType()).isEqualTo("image/png");
        assertThat(m.thumbnail().contentType()).isEqualTo("image/png");
        assertThat(ImageIO.read(m.file().path().toFile()).getRGB(50, 20) >>> 24).isZero();
    }

    @Test
    void aOneMegapixelJpegGetsAPreviewOfAtMost230400Pixels() throws IOException {
        ProcessedMedia m = processor.process(fixture("onemp.jpg"), work);
        assertThat(m.meta().original()).isEqualTo(MediaMeta.Size.image(1280, 800));
        assertPreview(m, "image/jpeg");
        assertThat(m.meta().small().width()).isBetween(600, 607);
        assertThat(m.meta().small().height()).isBetween(375, 379);
    }

    @Test
    void anOriginalOverFourKIsScaledDownKeepingItsAspect() throws IOException {
        BufferedImage big = new BufferedImage(4000, 2500, BufferedImage.TYPE_INT_RGB); // 10 megapixels
        Graphics2D g = big.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 4000, 2500);
        g.dispose();
        Path file = work.resolve("big.jpg");
        ImageIO.write(big, "jpeg", file.toFile());
        ProcessedMedia m = processor.process(file, work.resolve("out"));
        int w = m.meta().original().width();
        int h = m.meta().original().height();
        assertThat((long) w * h).isLessThanOrEqualTo(8_294_400L).isGreaterThan(8_200_000L);
        assertThat((double) w / h).isCloseTo(1.6, org.assertj.core.data.Offset.offset(0.002));
        BufferedImage out = ImageIO.read(m.file().path().toFile());
        assertThat(out.getWidth()).isEqualTo(w);
        assertThat(out.getHeight()).isEqualTo(h);
        assertPreview(m, "image/jpeg");
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderWithoutDecoding() {
        // 10000x10000 = 100 megapixels in a 25 KB file; decoding it would allocate at least 12.5 MB (1 bit a pixel)
        // and, turned into RGB, 400 MB. Only the header may be read.
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        assertThatThrownBy(() -> processor.process(fixture("bomb.png"), work))
                .isInstanceOf(UnprocessableException.class)
                .hasMessage("10000x10000 images are not supported");
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated while refusing the bomb").isLessThan(6L * 1024 * 1024);
        assertThat(work).isEmptyDirectory();
    }

    @Test
    void aTruncatedJpegIsRefused() {
        assertThatThrownBy(() -> processor.process(fixture("truncated.jpg"), work))
                .isInstanceOf(UnprocessableException.class)
                .hasMessage("Validation failed: File could not be read as an image");
    }

    @Test
    void aTruncatedPngWebpOrGifIsRefused() throws IOException {
        for (String name : List.of("image.png", "image.webp", "still.gif")) {
            byte[] bytes = Files.readAllBytes(fixture(name));
            Path cut = work.resolve("cut-" + name);
            Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
            assertThatThrownBy(() -> processor.process(cut, work.resolve("out")))
                    .as(name).isInstanceOf(UnprocessableException.class)
                    .hasMessage("Validation failed: File could not be read as an image");
        }
    }

    @Test
    void textAndEmptyFilesAreRefused() throws IOException {
        Path text = work.resolve("notes.jpg");
        Files.writeString(text, "this is not a picture at all, just some words\n");
        assertThatThrownBy(() -> processor.process(text, work.resolve("out")))
                .isInstanceOf(UnprocessableException.class)
                .hasMessage("Validation failed: File could not be read as an image");
        Path empty = Files.createFile(work.resolve("empty.png"));
        assertThatThrownBy(() -> processor.process(empty, work.resolve("out")))
                .isInstanceOf(UnprocessableException.class);
        // A JPEG header and nothing after it.
        Path header = work.resolve("header.jpg");
        Files.write(header, java.util.Arrays.copyOf(Files.readAllBytes(fixture("onemp.jpg")), 700));
        assertThatThrownBy(() -> processor.process(header, work.resolve("out")))
                .isInstanceOf(UnprocessableException.class);
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeReading() throws IOException {
        Path huge = work.resolve("huge.jpg");
        Files.copy(fixture("onemp.jpg"), huge);
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(Limits.IMAGE_SIZE_LIMIT + 1); // sparse: no disk used
        }
        assertThatThrownBy(() -> processor.process(huge, work.resolve("out")))
                .isInstanceOf(UnprocessableException.class)
                .hasMessage("Validation failed: File file size must be less than 16 MB");
    }

    @Test
    void animatedGifsAreToldFromStillOnes() throws IOException {
        BufferedImage a = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
        BufferedImage b = new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB);
        b.setRGB(5, 5, 0xff0000);
        Path animated = work.resolve("two.gif");
        writeGif(animated, a, b);
        assertThat(processor.isAnimatedGif(animated)).isTrue();
        Path one = work.resolve("one.gif");
        writeGif(one, a);
        assertThat(processor.isAnimatedGif(one)).isFalse();
        assertThat(processor.isAnimatedGif(fixture("still.gif"))).isFalse();
        assertThat(processor.isAnimatedGif(fixture("photo-exif.jpg"))).isFalse();
        // An animated GIF processed as a still image gives its first frame.
        ProcessedMedia m = processor.process(animated, work.resolve("out"));
        assertThat(m.meta().original()).isEqualTo(MediaMeta.Size.image(20, 20));
    }

    @Test
    void orientationsTurnTheImageAsExifSays() {
        // A 3x2 image with a marked corner; where the corner lands for each orientation value.
        BufferedImage src = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        src.setRGB(0, 0, 0xff0000);
        int[][] expected = { // orientation -> x, y of the red pixel in the upright image
            null, {0, 0}, {2, 0}, {2, 1}, {0, 1}, {0, 0}, {1, 0}, {1, 2}, {0, 2}};
        for (int o = 1; o <= 8; o++) {
            BufferedImage out = ImageOps.orient(src, o);
            assertThat(out.getWidth()).as("width for " + o).isEqualTo(o >= 5 ? 2 : 3);
            assertThat(out.getRGB(expected[o][0], expected[o][1]) & 0xffffff).as("orientation " + o)
                    .isEqualTo(0xff0000);
        }
    }

    @Test
    void theOrientationInAPngOrWebpExifChunkIsAppliedToo() throws IOException {
        // A minimal big-endian TIFF: IFD0 with one entry, Orientation (0x0112) SHORT = 6.
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0};

        byte[] png = Files.readAllBytes(fixture("image.png"));
        int afterIhdr = 8 + 8 + 13 + 4; // signature, IHDR length+type, IHDR data, CRC
        java.io.ByteArrayOutputStream withExif = new java.io.ByteArrayOutputStream();
        withExif.write(png, 0, afterIhdr);
        withExif.write(pngChunk("eXIf", tiff));
        withExif.write(png, afterIhdr, png.length - afterIhdr);
        Path pngFile = work.resolve("turned.png");
        Files.write(pngFile, withExif.toByteArray());
        ProcessedMedia p = processor.process(pngFile, work.resolve("png"));
        assertThat(p.meta().original()).isEqualTo(MediaMeta.Size.image(300, 400));
        assertThat(contains(Files.readAllBytes(p.file().path()), "eXIf")).isFalse();

        byte[] webp = Files.readAllBytes(fixture("image.webp"));
        java.nio.ByteBuffer riff = java.nio.ByteBuffer.allocate(webp.length + 8 + tiff.length)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        riff.put(webp).put("EXIF".getBytes(StandardCharsets.US_ASCII)).putInt(tiff.length).put(tiff);
        riff.putInt(4, riff.capacity() - 8);
        Path webpFile = work.resolve("turned.webp");
        Files.write(webpFile, riff.array());
        ProcessedMedia w = processor.process(webpFile, work.resolve("webp"));
        assertThat(w.meta().original()).isEqualTo(MediaMeta.Size.image(300, 400));
    }

    private static byte[] pngChunk(String type, byte[] data) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        crc.update(t);
        crc.update(data);
        return java.nio.ByteBuffer.allocate(12 + data.length).putInt(data.length).put(t).put(data)
                .putInt((int) crc.getValue()).array();
    }

    private static void assertPreview(ProcessedMedia m, String contentType) throws IOException {
        assertThat(m.thumbnail()).isNotNull();
        assertThat(m.thumbnail().contentType()).isEqualTo(contentType);
        assertThat(m.thumbnail().extension()).isEqualTo(contentType.equals("image/png") ? "png" : "jpg");
        BufferedImage small = ImageIO.read(m.thumbnail().path().toFile());
        assertThat(small.getWidth()).isEqualTo(m.meta().small().width());
        assertThat(small.getHeight()).isEqualTo(m.meta().small().height());
        assertThat((long) small.getWidth() * small.getHeight()).isLessThanOrEqualTo(230_400L);
        assertThat(m.blurhash()).hasSize(28).startsWith("L"); // 4x3 components
    }

    private static boolean isRed(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return r > 200 && g < 60 && b < 60;
    }

    private static boolean contains(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void writeGif(Path file, BufferedImage... frames) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (BufferedImage frame : frames) {
                writer.writeToSequence(new IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }
}
