package social.starling.service.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import social.starling.model.LocalUris;

/** Media on local disk: the key is the path under the media folder and under /system/ in the URL. */
class LocalMediaStoreTest {
    @TempDir
    Path root;

    MediaStore store() {
        return new LocalMediaStore(root, new LocalUris("https://social.example"));
    }

    @Test
    void storesReadsServesAndDeletesByKey() throws IOException {
        MediaStore media = store();
        String key = "accounts/avatars/123/Ab-_9.jpg";
        media.put(key, "first".getBytes(StandardCharsets.UTF_8), "image/jpeg");
        media.put(key, "second".getBytes(StandardCharsets.UTF_8), "image/jpeg");

        assertThat(Files.readString(root.resolve(key))).isEqualTo("second");
        try (InputStream in = media.open(key).orElseThrow()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("second");
        }
        assertThat(media.url(key)).isEqualTo("https://social.example/system/accounts/avatars/123/Ab-_9.jpg");
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).as("no temporary files left").containsExactly(
                    root.resolve(key));
        }

        media.delete(key);
        media.delete(key); // gone already: nothing to do
        assertThat(media.open(key)).isEmpty();
    }

    @Test
    void keysCannotLeaveTheMediaFolder() {
        MediaStore media = store();
        for (String key : new String[] {"../outside.jpg", "accounts/../../outside.jpg", "/etc/passwd", "a//b.jpg",
                ".hidden", "accounts/.x/y.jpg", "", "a\\b.jpg"}) {
            assertThatThrownBy(() -> media.put(key, new byte[] {1}, "image/jpeg")).as(key)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> media.open(key)).as(key).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(root.getParent().resolve("outside.jpg")).doesNotExist();
    }
}
