package social.starling.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real S3-compatible server for tests: s3rver (npm, installed by scripts/s3/install.sh into scripts/s3/node_modules)
 * run as a child process on a free loopback port, with its objects in a temporary folder and one bucket made at
 * start. Register it before the {@link TestApp} that uses it:
 * <pre>
 * &#64;RegisterExtension &#64;Order(1) static S3Server s3 = S3Server.create();
 * &#64;RegisterExtension &#64;Order(2) static TestApp app = s3.configure(TestApp.create());
 * </pre>
 * Not installed is a failure naming the install script, never a skip: CI installs it (./test), and a skipped storage
 * test would hide a broken one. s3rver checks request signatures against its fixed credentials S3RVER / S3RVER and
 * serves objects to anonymous GETs, as a public-read bucket does.
 */
public final class S3Server implements BeforeAllCallback, AfterAllCallback {
    public static final String ACCESS_KEY = "S3RVER";
    public static final String SECRET_KEY = "S3RVER";
    private static final Path SCRIPT = Path.of("scripts/s3/node_modules/s3rver/bin/s3rver.js");

    private final String bucket;
    private final int port;
    private Process process;
    private Path dir;
    private Thread cleanup;

    private S3Server(String bucket, int port) {
        this.bucket = bucket;
        this.port = port;
    }

    /** A server (not started) with bucket {@code media}, on a port chosen now so configuration can name it. */
    public static S3Server create() {
        try {
            return new S3Server("media", TestApp.freePort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server's URL, e.g. {@code http://127.0.0.1:40123}: the S3 endpoint override. */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public String bucket() {
        return bucket;
    }

    /** Points {@code app}'s media store at this server (path-style, s3rver's credentials). */
    public TestApp configure(TestApp app) {
        return app.with("STARLING_S3_BUCKET", bucket)
                .with("STARLING_S3_ENDPOINT", endpoint())
                .with("STARLING_S3_ACCESS_KEY", ACCESS_KEY)
                .with("STARLING_S3_SECRET_KEY", SECRET_KEY);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    public void start() throws IOException, InterruptedException {
        if (!Files.isRegularFile(SCRIPT)) {
            throw new IllegalStateException("s3rver is not installed (" + SCRIPT + " is missing): run "
                    + "scripts/s3/install.sh (./test does) before the S3 tests");
        }
        dir = Files.createTempDirectory("starling-s3rver");
        Path log = Files.createDirectories(Path.of("target")).resolve("s3rver-" + port + ".log");
        Files.deleteIfExists(log);
        ProcessBuilder pb = new ProcessBuilder("node", SCRIPT.toString(), "-d", dir.resolve("data").toString(),
                "-a", "127.0.0.1", "-p", Integer.toString(port), "--no-vhost-buckets", "--configure-bucket", bucket)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = pb.start();
        Process started = process;
        cleanup = new Thread(started::destroyForcibly, "s3rver-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup); // an interrupted run must not leave s3rver behind
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        // s3rver prints this once the bucket exists and the port is open
        while (!Files.exists(log) || !Files.readString(log, StandardCharsets.UTF_8).contains("listening on")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                String out = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
                stop();
                throw new IllegalStateException("s3rver did not start on port " + port + ":\n" + out);
            }
            Thread.sleep(25);
        }
    }

    /** Stops the process (and waits for it) and deletes its folder. */
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            process = null;
        }
        if (cleanup != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException ignored) {
                // already shutting down
            }
            cleanup = null;
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // temp files; the OS cleans up
            }
            dir = null;
        }
    }
}
