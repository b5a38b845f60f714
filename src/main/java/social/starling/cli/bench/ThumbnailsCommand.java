package social.starling.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import social.starling.service.media.ImageProcessor;

/**
 * {@code starling bench thumbnails}: how many still images a node processes per second — the whole of
 * {@link ImageProcessor#process} (decode, EXIF orientation, re-encode without metadata, preview, blurhash) on one
 * file, over and over from {@code --threads} threads, each run into a fresh temporary directory deleted after.
 * Runs in this process; needs no server or database.
 */
@Command(name = "thumbnails", description = "Measure still-image processing (original + preview + blurhash) per second.")
final class ThumbnailsCommand implements Callable<Integer> {
    @Option(names = "--file", required = true,
            description = "The image; a bare name not found here is looked up in src/test/resources/media/.")
    Path file;

    @Option(names = "--seconds", defaultValue = "20")
    int seconds;

    @Option(names = "--threads", defaultValue = "2")
    int threads;

    @Option(names = "--warmup-seconds", defaultValue = "5", description = "Run first, not counted (JIT warm-up).")
    int warmupSeconds;

    @Override
    public Integer call() throws Exception {
        Path source = Files.exists(file) ? file : Path.of("src/test/resources/media").resolve(file);
        if (!Files.isRegularFile(source)) {
            System.err.println("no such file: " + file);
            return 2;
        }
        ImageProcessor processor = new ImageProcessor();
        System.out.printf("file %s (%,d bytes), %d threads, %d s (after %d s warm-up), %d CPUs, JDK %s%n",
                source, Files.size(source), threads, seconds, warmupSeconds,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        run(processor, source, warmupSeconds);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        List<Long> perThread = run(processor, source, seconds);
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e6;
        long total = perThread.stream().mapToLong(Long::longValue).sum();
        // CPU per image compares across runs on a shared machine better than the rate does.
        System.out.printf("%,d images in %.1f s: %.1f thumbnails/s; process CPU %.1f ms per image (per thread %s)%n",
                total, elapsed, total / elapsed, cpu / Math.max(1, total), perThread);
        return 0;
    }

    private List<Long> run(ImageProcessor processor, Path source, int forSeconds) throws Exception {
        long deadline = System.nanoTime() + forSeconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    long count = 0;
                    while (System.nanoTime() < deadline) {
                        Path dir = Files.createTempDirectory("starling-thumb-");
                        try {
                            processor.process(source, dir);
                            count++;
                        } finally {
                            deleteTree(dir);
                        }
                    }
                    return count;
                }));
            }
            List<Long> counts = new ArrayList<>();
            for (Future<Long> f : futures) {
                counts.add(f.get());
            }
            return counts;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
