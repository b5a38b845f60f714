package social.starling.service.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static social.starling.service.media.ImageProcessorTest.fixture;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import social.starling.errors.UnprocessableException;

/** Profile images go through the same decoding as media uploads: WebP, orientation, limits, truncation. */
class ImageStoreTest {
    private final Map<String, byte[]> stored = new HashMap<>();
    private final ImageStore images = new ImageStore(new MediaStore() {
        @Override
        public void put(String key, byte[] bytes, String contentType) {
            stored.put(key, bytes);
        }

        @Override
        public void put(String key, Path file, String contentType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<InputStream> open(String key) {
            return Optional.ofNullable(stored.get(key)).map(ByteArrayInputStream::new);
        }

        @Override
        public void delete(String key) {
            stored.remove(key);
        }

        @Override
        public String url(String key) {
            return "/system/" + key;
        }
    });

    @Test
    void aWebpAvatarIsCroppedToTheBox() throws IOException {
        String key = images.store(Files.readAllBytes(fixture("image.webp")), ImageStore.AVATAR,
                "accounts/avatars/1", "avatar");
        assertThat(key).startsWith("accounts/avatars/1/").endsWith(".jpg");
        BufferedImage out = read(key);
        assertThat(out.getWidth()).isEqualTo(400);
        assertThat(out.getHeight()).isEqualTo(400);
    }

    @Test
    void theExifOrientationIsAppliedAndTheExifDropped() throws IOException {
        // photo-exif.jpg is 640x480 stored, 480x640 upright; a box of half that shows the whole picture.
        String key = images.store(Files.readAllBytes(fixture("photo-exif.jpg")), new ImageStore.Box(240, 320),
                "accounts/headers/1", "header");
        BufferedImage out = read(key);
        assertThat(out.getWidth()).isEqualTo(240);
        int topRight = out.getRGB(230, 10);
        assertThat((topRight >> 16) & 0xff).isGreaterThan(200); // the red corner, turned to the top right
        assertThat((topRight >> 8) & 0xff).isLessThan(60);
        String bytes = new String(stored.get(key), StandardCharsets.ISO_8859_1);
        assertThat(bytes).doesNotContain("Exif").doesNotContain("GPS").doesNotContain("Starling");
    }

    @Test
    void transparencyKeepsPng() throws IOException {
        String key = images.store(Files.readAllBytes(fixture("image.png")), ImageStore.AVATAR, "a/1", "avatar");
        assertThat(key).endsWith(".png");
        assertThat(read(key).getColorModel().hasAlpha()).isTrue();
    }

    @Test
    void brokenHugeAndNonImagesAreRefused() throws IOException {
        byte[] photo = Files.readAllBytes(fixture("photo-exif.jpg"));
        assertThatThrownBy(() -> images.store(Arrays.copyOf(photo, photo.length / 2), ImageStore.AVATAR, "a/1",
                "avatar")).isInstanceOf(UnprocessableException.class)
                .hasMessage("Validation failed: avatar could not be read as an image");
        assertThatThrownBy(() -> images.store(Files.readAllBytes(fixture("bomb.png")), ImageStore.HEADER, "a/1",
                "header")).isInstanceOf(UnprocessableException.class)
                .hasMessage("Validation failed: header dimensions are too large");
        assertThatThrownBy(() -> images.store("hello".getBytes(StandardCharsets.UTF_8), ImageStore.AVATAR, "a/1",
                "avatar")).isInstanceOf(UnprocessableException.class)
                .hasMessage("Validation failed: avatar must be an image (JPEG, PNG, GIF or WebP)");
        assertThat(stored).isEmpty();
    }

    private BufferedImage read(String key) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(stored.get(key)));
    }
}
