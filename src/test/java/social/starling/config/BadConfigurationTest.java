package social.starling.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the real {@code starling} process with bad configuration: each case must end with a non-zero exit and one
 * clear line on stderr, not a stack trace.
 */
class BadConfigurationTest {
    @TempDir
    Path dir;

    record Outcome(int exit, List<String> stderr) {
    }

    @Test
    void unknownDatabaseScheme() throws Exception {
        Outcome o = run(Map.of("STARLING_DATABASE_URL", "jdbc:mysql://localhost/starling"));
        assertOneLine(o, "STARLING_DATABASE_URL must start with jdbc:sqlite: or jdbc:postgresql:");
    }

    @Test
    void unwritableDataDirectory() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        Outcome o = run(Map.of("STARLING_DATA_DIR", file.resolve("data").toString()));
        assertOneLine(o, "STARLING_DATA_DIR: cannot create directory");
    }

    @Test
    void portInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Outcome o = run(Map.of("STARLING_PORT", Integer.toString(taken.getLocalPort())));
            assertOneLine(o, "the port is already in use");
        }
    }

    @Test
    void malformedDomain() throws Exception {
        Outcome o = run(Map.of("STARLING_DOMAIN", "my server.example"));
        assertOneLine(o, "STARLING_DOMAIN must be a host name");
    }

    private static void assertOneLine(Outcome o, String expected) {
        assertThat(o.exit()).isNotZero();
        assertThat(o.stderr()).as("stderr").hasSize(1);
        assertThat(o.stderr().getFirst()).startsWith("starling: ").contains(expected);
    }

    private Outcome run(Map<String, String> env) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), "social.starling.Main", "serve");
        pb.environment().keySet().removeIf(k -> k.startsWith("STARLING_"));
        pb.environment().put("STARLING_DATA_DIR", dir.resolve("data").toString());
        pb.environment().put("STARLING_PORT", "0");
        pb.environment().putAll(env);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("starling did not exit");
        }
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
        return new Outcome(p.exitValue(), lines);
    }
}
