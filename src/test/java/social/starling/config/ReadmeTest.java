package social.starling.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration reference lists every option the code reads, with its file key. */
class ReadmeTest {
    @Test
    void everyOptionIsDocumented() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (ConfigOption option : ConfigOption.values()) {
            assertThat(readme).as(option.env).contains("`" + option.env + "` | `" + option.fileKey() + "`");
        }
    }
}
