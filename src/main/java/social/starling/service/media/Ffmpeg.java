package social.starling.service.media;

import social.starling.model.MediaMeta;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import social.starling.errors.UnprocessableException;
import social.starling.model.Limits;

/**
 * Video, audio and animated GIF through the ffmpeg and ffprobe programs (Debian's ffmpeg 5.1 is enough).
 *
 * <p>Every file goes through {@code ffprobe} first (JSON output, read with Jackson), then {@code ffmpeg} converts
 * it the way Mastodon does: video to H.264 + AAC in an MP4 (gifv: no audio), audio to MP3 (LAME VBR quality 2).
 * A video larger than 1920×1080 in area is scaled down to fit that area (aspect kept, even sides) instead of being
 * refused; only absurd sizes (over 8192 px a side) and files over {@link Limits#VIDEO_SIZE_LIMIT} are refused, and
 * frame rates over {@link Limits#VIDEO_FRAME_RATE_LIMIT} are capped. As on Mastodon, a video without any audio
 * stream becomes a gifv.
 *
 * <p>The programs run from an argument list (no shell), with stdin closed, stdout/stderr in files inside the work
 * directory, only the {@code file} protocol and a fixed list of container formats (so a playlist cannot make
 * ffmpeg read other files or the network), and one deadline per call after which the process is killed and the
 * upload refused. Everything is written inside the work directory; only ffprobe's small JSON and the small preview
 * are read into memory.
 */
public final class Ffmpeg {
    private static final Logger log = LoggerFactory.getLogger(Ffmpeg.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    /** Videos over this many pixels are scaled down to it (1920×1080). */
    static final long MAX_VIDEO_PIXELS = 1920L * 1080;
    /** Refused outright above this many pixels a side. */
    static final int MAX_SIDE = 8192;
    /** The preview ("small") holds at most this many pixels (640×360, Mastodon's small). */
    static final long MAX_PREVIEW_PIXELS = 230_400L;
    /** Demuxers ffprobe/ffmpeg may use on uploads (no playlists, no concat lists, no still-image pipes). */
    private static final String FORMATS =
            "mov,matroska,webm,gif,avi,mpeg,mpegts,ogg,mp3,wav,flac,aac,asf,flv,amr,aiff,caf";
    private static final long MAX_PROBE_JSON = 1024 * 1024;
    private static final int LOG_TAIL_LINES = 15;

    private final String ffmpeg;
    private final String ffprobe;
    private final Duration timeout;
    private volatile Boolean available;

    /** ffmpeg and ffprobe from the PATH, five minutes per file. */
    public Ffmpeg() {
        this("ffmpeg", "ffprobe");
    }

    public Ffmpeg(String ffmpeg, String ffprobe) {
        this(ffmpeg, ffprobe, DEFAULT_TIMEOUT);
    }

    /** @param timeout how long processing one file may take, all programs together */
    public Ffmpeg(String ffmpeg, String ffprobe, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        this.ffmpeg = ffmpeg;
        this.ffprobe = ffprobe;
        this.timeout = timeout;
    }

    /** Whether ffmpeg and ffprobe can be run here (asked once, then remembered). */
    public boolean available() {
        Boolean known = available;
        if (known == null) {
            synchronized (this) {
                known = available;
                if (known == null) {
                    known = runsVersion(ffmpeg) && runsVersion(ffprobe);
                    if (!known) {
                        log.warn("ffmpeg/ffprobe not runnable ({}, {}): video and audio uploads are refused",
                                ffmpeg, ffprobe);
                    }
                    available = known;
                }
            }
        }
        return known;
    }

    private static boolean runsVersion(String program) {
        try {
            Process p = new ProcessBuilder(program, "-version")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            p.getOutputStream().close();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Video (or an animated GIF when {@code gifv}) to an H.264/AAC MP4 plus a JPEG preview frame. A source without
     * audio is a gifv too; a gifv has its audio dropped.
     */
    public ProcessedMedia video(Path source, Path workDir, boolean gifv) {
        Run run = new Run(workDir);
        checkSize(source);
        JsonNode probe = run.probe(source);
        JsonNode video = firstStream(probe, "video");
        if (video == null) {
            throw new UnprocessableException("Validation failed: the file has no video stream");
        }
        boolean hasAudio = firstStream(probe, "audio") != null;
        boolean asGifv = gifv || !hasAudio;

        int[] dims = displaySize(video);
        if (dims[0] <= 0 || dims[1] <= 0) {
            throw new UnprocessableException("Validation failed: the video has no picture size");
        }
        if (dims[0] > MAX_SIDE || dims[1] > MAX_SIDE) {
            throw new UnprocessableException("Validation failed: the video is larger than " + MAX_SIDE
                    + " pixels a side");
        }
        int[] target = fitArea(dims[0], dims[1], MAX_VIDEO_PIXELS, true);
        Double fps = rate(text(video, "avg_frame_rate"));
        if (fps == null) {
            fps = rate(text(video, "r_frame_rate"));
        }

        Path out = workDir.resolve("original.mp4");
        List<String> cmd = ffmpegInput(source);
        cmd.addAll(List.of("-map", "0:v:0"));
        if (!asGifv) {
            cmd.addAll(List.of("-map", "0:a:0"));
        }
        cmd.addAll(List.of("-vf", "scale=" + target[0] + ":" + target[1] + ",setsar=1"));
        if (fps != null && fps > Limits.VIDEO_FRAME_RATE_LIMIT) {
            cmd.addAll(List.of("-r", Integer.toString(Limits.VIDEO_FRAME_RATE_LIMIT)));
        }
        cmd.addAll(List.of("-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p"));
        if (asGifv) {
            cmd.add("-an");
        } else {
            cmd.addAll(List.of("-c:a", "aac", "-b:a", "128k"));
            if (channels(firstStream(probe, "audio")) > 2) {
                cmd.addAll(List.of("-ac", "2"));
            }
        }
        cmd.addAll(List.of("-sn", "-dn", "-map_metadata", "-1", "-movflags", "+faststart", "-f", "mp4",
                "file:" + out.toAbsolutePath()));
        run.exec("ffmpeg-video", cmd);

        JsonNode result = run.probe(out);
        JsonNode outVideo = firstStream(result, "video");
        if (outVideo == null) {
            throw run.failed("the converted video has no picture", null);
        }
        int width = outVideo.path("width").asInt(target[0]);
        int height = outVideo.path("height").asInt(target[1]);
        Double duration = number(result.path("format"), "duration");

        int[] small = fitArea(width, height, MAX_PREVIEW_PIXELS, false);
        Path preview = workDir.resolve("small.jpg");
        double at = duration == null ? 0 : Math.min(3.0, duration / 2);
        if (!run.frame(out, preview, small, at) && at > 0) {
            run.frame(out, preview, small, 0);
        }
        if (!nonEmpty(preview)) {
            throw run.failed("no preview frame could be taken", null);
        }
        String blurhash = blurhash(preview);

        JsonNode outAudio = asGifv ? null : firstStream(result, "audio");
        MediaMeta.Size original = new MediaMeta.Size(width, height, frameRate(outVideo), duration,
                longNumber(result.path("format"), "bit_rate"));
        MediaMeta meta = new MediaMeta(original, MediaMeta.Size.image(small[0], small[1]), duration,
                outAudio == null ? null : text(outAudio, "codec_name"), sampleRate(outAudio),
                channelNames(outAudio));
        return new ProcessedMedia(asGifv ? "gifv" : "video",
                new ProcessedMedia.MediaFile(out, "video/mp4", "mp4"),
                new ProcessedMedia.MediaFile(preview, "image/jpeg", "jpg"), meta, blurhash);
    }

    /** Audio to MP3 (no preview). */
    public ProcessedMedia audio(Path source, Path workDir) {
        Run run = new Run(workDir);
        checkSize(source);
        JsonNode probe = run.probe(source);
        JsonNode audio = firstStream(probe, "audio");
        if (audio == null) {
            throw new UnprocessableException("Validation failed: the file has no audio stream");
        }
        Path out = workDir.resolve("original.mp3");
        List<String> cmd = ffmpegInput(source);
        cmd.addAll(List.of("-map", "0:a:0", "-vn", "-sn", "-dn", "-map_metadata", "-1",
                "-c:a", "libmp3lame", "-q:a", "2"));
        if (channels(audio) > 2) {
            cmd.addAll(List.of("-ac", "2"));
        }
        cmd.addAll(List.of("-f", "mp3", "file:" + out.toAbsolutePath()));
        run.exec("ffmpeg-audio", cmd);

        JsonNode result = run.probe(out);
        JsonNode outAudio = firstStream(result, "audio");
        if (outAudio == null) {
            throw run.failed("the converted audio has no sound", null);
        }
        Double duration = number(result.path("format"), "duration");
        MediaMeta.Size original = new MediaMeta.Size(null, null, null, duration,
                longNumber(result.path("format"), "bit_rate"));
        MediaMeta meta = new MediaMeta(original, null, duration, text(outAudio, "codec_name"),
                sampleRate(outAudio), channelNames(outAudio));
        return new ProcessedMedia("audio", new ProcessedMedia.MediaFile(out, "audio/mpeg", "mp3"), null, meta,
                null);
    }

    // ---- commands

    private List<String> ffmpegInput(Path source) {
        List<String> cmd = new ArrayList<>(List.of(ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error",
                "-y", "-protocol_whitelist", "file", "-format_whitelist", FORMATS,
                "-i", "file:" + source.toAbsolutePath()));
        return cmd;
    }

    private static void checkSize(Path source) {
        try {
            if (Files.size(source) > Limits.VIDEO_SIZE_LIMIT) {
                throw new UnprocessableException("Validation failed: file size must be less than "
                        + Limits.VIDEO_SIZE_LIMIT / (1024 * 1024) + "MB");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One call's processes: numbered log files in the work directory, one deadline for all of them. */
    private final class Run {
        private final Path workDir;
        private final long deadline;
        private int count;

        Run(Path workDir) {
            this.workDir = workDir;
            this.deadline = System.nanoTime() + timeout.toNanos();
            try {
                Files.createDirectories(workDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        JsonNode probe(Path file) {
            List<String> cmd = List.of(ffprobe, "-v", "error", "-protocol_whitelist", "file",
                    "-format_whitelist", FORMATS, "-print_format", "json", "-show_format", "-show_streams",
                    "file:" + file.toAbsolutePath());
            Path json = exec("ffprobe", cmd, "Validation failed: the file is not a video or audio file we can read");
            try {
                if (Files.size(json) > MAX_PROBE_JSON) {
                    throw new UnprocessableException("Validation failed: the file has too many streams");
                }
                JsonNode node = JSON.readTree(json.toFile());
                if (node == null || node.has("error") || !node.path("streams").isArray()
                        || node.path("streams").isEmpty()) {
                    throw new UnprocessableException(
                            "Validation failed: the file is not a video or audio file we can read");
                }
                return node;
            } catch (IOException e) {
                throw new UnprocessableException(
                        "Validation failed: the file is not a video or audio file we can read");
            }
        }

        /** One frame at {@code at} seconds scaled to {@code size}, as JPEG; whether a frame came out. */
        boolean frame(Path video, Path jpeg, int[] size, double at) {
            List<String> cmd = List.of(ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
                    "-protocol_whitelist", "file", "-ss", String.format(Locale.ROOT, "%.3f", at),
                    "-i", "file:" + video.toAbsolutePath(), "-map", "0:v:0", "-frames:v", "1",
                    "-vf", "scale=" + size[0] + ":" + size[1], "-q:v", "3", "-update", "1",
                    "-f", "image2", "file:" + jpeg.toAbsolutePath());
            exec("ffmpeg-preview", cmd);
            return nonEmpty(jpeg);
        }

        Path exec(String name, List<String> cmd) {
            return exec(name, cmd, null);
        }

        /** Runs {@code cmd}; its stdout goes to the returned file, stderr to a log next to it. */
        Path exec(String name, List<String> cmd, String refusal) {
            int n = ++count;
            Path stdout = workDir.resolve(n + "-" + name + ".out");
            Path stderr = workDir.resolve(n + "-" + name + ".log");
            Process p;
            try {
                p = new ProcessBuilder(cmd)
                        .directory(workDir.toFile())
                        .redirectOutput(stdout.toFile())
                        .redirectError(stderr.toFile())
                        .start();
                p.getOutputStream().close();
            } catch (IOException e) {
                throw new IllegalStateException("cannot run " + cmd.getFirst() + ": " + e.getMessage(), e);
            }
            try {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !p.waitFor(left, TimeUnit.NANOSECONDS)) {
                    kill(p);
                    log.warn("{} took longer than {} and was stopped; last output:\n{}", name, timeout,
                            tail(stderr));
                    throw new UnprocessableException("Validation failed: processing took too long");
                }
            } catch (InterruptedException e) {
                kill(p);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running " + name, e);
            }
            if (p.exitValue() != 0) {
                throw failed(name + " exited with " + p.exitValue(), stderr, refusal);
            }
            return stdout;
        }

        UnprocessableException failed(String what, Path stderr) {
            return failed(what, stderr, null);
        }

        UnprocessableException failed(String what, Path stderr, String refusal) {
            log.warn("media processing failed: {}{}", what, stderr == null ? "" : "; last output:\n" + tail(stderr));
            return new UnprocessableException(refusal != null ? refusal
                    : "Validation failed: the file could not be processed");
        }
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(Path log) {
        try {
            if (!Files.exists(log)) {
                return "";
            }
            long size = Files.size(log);
            byte[] bytes;
            try (var in = Files.newInputStream(log)) {
                in.skipNBytes(Math.max(0, size - 4096));
                bytes = in.readAllBytes();
            }
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static boolean nonEmpty(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    // ---- preview

    /** Mastodon's 4×3 blurhash from the preview, read subsampled to about 100 px a side. */
    private static String blurhash(Path jpeg) {
        try (ImageInputStream in = ImageIO.createImageInputStream(jpeg.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int step = Math.max(1, Math.max(reader.getWidth(0), reader.getHeight(0)) / 100);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, param);
                return io.trbl.blurhash.BlurHash.encode(image, 4, 3);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            log.warn("no blurhash for {}: {}", jpeg, e.toString());
            return null;
        }
    }

    // ---- sizes and probe fields

    /**
     * Scales {@code width}×{@code height} down to at most {@code maxPixels}, keeping the aspect; with
     * {@code even}, both sides are rounded down to even numbers (H.264 with 4:2:0 needs them), at least 2.
     */
    static int[] fitArea(int width, int height, long maxPixels, boolean even) {
        double scale = (long) width * height > maxPixels ? Math.sqrt((double) maxPixels / ((long) width * height)) : 1;
        int w = (int) Math.floor(width * scale);
        int h = (int) Math.floor(height * scale);
        if (even) {
            w = Math.max(2, w - w % 2);
            h = Math.max(2, h - h % 2);
        } else {
            w = Math.max(1, w);
            h = Math.max(1, h);
        }
        return new int[] {w, h};
    }

    /** The first stream of a type, leaving out cover pictures attached to audio files. */
    private static JsonNode firstStream(JsonNode probe, String type) {
        for (JsonNode stream : probe.path("streams")) {
            if (type.equals(stream.path("codec_type").asText())
                    && stream.path("disposition").path("attached_pic").asInt(0) == 0) {
                return stream;
            }
        }
        return null;
    }

    /** Width and height as shown: sides swapped for a 90° or 270° rotation (ffmpeg rotates when converting). */
    private static int[] displaySize(JsonNode video) {
        int w = video.path("width").asInt(0);
        int h = video.path("height").asInt(0);
        int rotation = video.path("tags").path("rotate").asInt(0);
        for (JsonNode side : video.path("side_data_list")) {
            if (side.has("rotation")) {
                rotation = side.path("rotation").asInt(0);
            }
        }
        if (Math.abs(rotation) % 180 == 90) {
            return new int[] {h, w};
        }
        return new int[] {w, h};
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    private static Double number(JsonNode node, String field) {
        String s = text(node, field);
        if (s == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long longNumber(JsonNode node, String field) {
        Double d = number(node, field);
        return d == null ? null : Math.round(d);
    }

    /** "30000/1001" as a number; null for "0/0" or anything unreadable. */
    static Double rate(String fraction) {
        if (fraction == null) {
            return null;
        }
        try {
            int slash = fraction.indexOf('/');
            double value = slash < 0 ? Double.parseDouble(fraction)
                    : Double.parseDouble(fraction.substring(0, slash))
                            / Double.parseDouble(fraction.substring(slash + 1));
            return Double.isFinite(value) && value > 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The frame rate as ffprobe writes it ("30/1"), as Mastodon shows it in {@code meta.original.frame_rate}. */
    private static String frameRate(JsonNode video) {
        String avg = text(video, "avg_frame_rate");
        if (rate(avg) != null) {
            return avg;
        }
        String r = text(video, "r_frame_rate");
        return rate(r) != null ? r : null;
    }

    private static int channels(JsonNode audio) {
        return audio == null ? 0 : audio.path("channels").asInt(0);
    }

    /** Mastodon's {@code audio_bitrate}, which is really the sample rate: "44100 Hz". */
    private static String sampleRate(JsonNode audio) {
        if (audio == null) {
            return null;
        }
        String rate = text(audio, "sample_rate");
        return rate == null ? null : rate + " Hz";
    }

    /** Mastodon's {@code audio_channels}: ffprobe's layout name ("mono", "stereo", "5.1"). */
    private static String channelNames(JsonNode audio) {
        if (audio == null) {
            return null;
        }
        String layout = text(audio, "channel_layout");
        if (layout != null && !layout.isBlank()) {
            return layout;
        }
        return switch (channels(audio)) {
            case 0 -> null;
            case 1 -> "mono";
            case 2 -> "stereo";
            default -> channels(audio) + " channels";
        };
    }
}
