package social.starling.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import social.starling.model.RegistrationMode;

class ConfigLoaderTest {

    @Test
    void defaultsServeLocalhostOnSqlite() {
        Config c = ConfigLoader.load(Map.of(), Optional.empty());
        assertThat(c.server().domain()).isEqualTo("localhost:8080");
        assertThat(c.server().protocol()).isEqualTo("http");
        assertThat(c.server().bind()).isEqualTo("127.0.0.1");
        assertThat(c.server().baseUrl()).isEqualTo("http://localhost:8080");
        assertThat(c.database().url()).startsWith("jdbc:sqlite:").endsWith("data/starling.db");
        assertThat(c.database().isPostgres()).isFalse();
        assertThat(c.instance().registrations()).isEqualTo(RegistrationMode.OPEN);
        assertThat(c.redisUrl()).isEmpty();
    }

    @Test
    void aPublicDomainDefaultsToHttps() {
        Config c = ConfigLoader.load(Map.of("STARLING_DOMAIN", "Example.Social"), Optional.empty());
        assertThat(c.server().baseUrl()).isEqualTo("https://example.social");
        assertThat(c.server().host()).isEqualTo("example.social");
    }

    @Test
    void environmentOverridesTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("starling.properties");
        Files.writeString(file, "domain=file.example\nport=9000\nregistrations=approval\ntitle=From file\n");
        Config c = ConfigLoader.load(Map.of("STARLING_PORT", "9100", "STARLING_REDIS_URL", "redis://127.0.0.1:6379"),
                Optional.of(file));
        assertThat(c.server().domain()).isEqualTo("file.example");
        assertThat(c.server().port()).isEqualTo(9100);
        assertThat(c.instance().registrations()).isEqualTo(RegistrationMode.APPROVAL);
        assertThat(c.instance().title()).isEqualTo("From file");
        assertThat(c.redisUrl()).isPresent();
    }

    @Test
    void everyOptionHasAnEnvironmentVariableAndAFileKey() {
        for (ConfigOption option : ConfigOption.values()) {
            assertThat(option.env).startsWith("STARLING_");
            assertThat(option.fileKey()).isEqualTo(option.env.substring(9).toLowerCase());
            assertThat(option.description).isNotBlank();
        }
    }

    @Test
    void badValuesAreOneClearLine() {
        assertThatThrownBy(() -> load("STARLING_DATABASE_URL", "jdbc:mysql://x/y"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("jdbc:sqlite: or jdbc:postgresql:");
        assertThatThrownBy(() -> load("STARLING_DOMAIN", "not a domain!"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("STARLING_DOMAIN");
        assertThatThrownBy(() -> load("STARLING_DOMAIN", "https://example.social"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("STARLING_DOMAIN");
        assertThatThrownBy(() -> load("STARLING_PORT", "http"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("STARLING_PORT");
        assertThatThrownBy(() -> load("STARLING_PORT", "70000"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("between 0 and 65535");
        assertThatThrownBy(() -> load("STARLING_REGISTRATIONS", "sometimes"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("open, approval, invite, closed");
        assertThatThrownBy(() -> load("STARLING_PROTOCOL", "gopher"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("http or https");
        assertThatThrownBy(() -> load("STARLING_REDIS_URL", "http://x"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("redis://");
    }

    @Test
    void objectStorageIsOnlyWithABucketAndChecked() {
        assertThat(load("STARLING_S3_ENDPOINT", "http://127.0.0.1:9000").s3()).as("no bucket, no S3").isEmpty();
        Config.S3 s3 = ConfigLoader.load(Map.of("STARLING_S3_BUCKET", "media", "STARLING_S3_ENDPOINT",
                "http://127.0.0.1:9000/", "STARLING_S3_ACCESS_KEY", "key", "STARLING_S3_SECRET_KEY", "secret"),
                Optional.empty()).s3().orElseThrow();
        assertThat(s3.region()).isEqualTo("us-east-1");
        assertThat(s3.pathStyle()).isTrue();
        assertThat(s3.publicUrl()).isEqualTo("http://127.0.0.1:9000/media");
        assertThat(s3.toString()).doesNotContain("secret");
        assertThatThrownBy(() -> load("STARLING_S3_BUCKET", "Not_A_Bucket"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("STARLING_S3_BUCKET");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("STARLING_S3_BUCKET", "media", "STARLING_S3_ENDPOINT",
                "s3.example.net"), Optional.empty()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("STARLING_S3_ENDPOINT");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("STARLING_S3_BUCKET", "media", "STARLING_S3_ACCESS_KEY",
                "key"), Optional.empty()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("STARLING_S3_SECRET_KEY");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("STARLING_S3_BUCKET", "media", "STARLING_S3_PATH_STYLE",
                "maybe"), Optional.empty()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("STARLING_S3_PATH_STYLE");
    }

    @Test
    void unknownKeysInTheFileAreRejected(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("starling.properties");
        Files.writeString(file, "domian=typo.example\n");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(), Optional.of(file)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown option 'domian'");
    }

    @Test
    void passwordsAreRedactedFromMessages() {
        assertThat(ConfigLoader.redactPassword("jdbc:postgresql://h/db?user=u&password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
    }

    @Test
    void feedFanOutRunsWiderOnSqliteWhereRunningJobsShareATransaction() {
        assertThat(load("STARLING_DATABASE_URL", "jdbc:sqlite:/tmp/x.db").jobs().feedsConcurrency()).isEqualTo(32);
        assertThat(load("STARLING_DATABASE_URL", "jdbc:postgresql://127.0.0.1/x").jobs().feedsConcurrency())
                .isEqualTo(8);
        assertThat(load("STARLING_JOBS_FEEDS_CONCURRENCY", "12").jobs().feedsConcurrency()).isEqualTo(12);
    }

    private static Config load(String key, String value) {
        return ConfigLoader.load(Map.of(key, value), Optional.empty());
    }
}
