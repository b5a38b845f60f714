package social.starling.service.media;

import social.starling.model.MediaMeta;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import social.starling.errors.UnprocessableException;
import social.starling.model.Limits;

/**
 * Video, gifv and audio conversion with the real ffmpeg and ffprobe (installed by ./test; these tests fail rather
 * than skip without them), on the fixtures made by scripts/media-fixtures-av.sh and a few clips made on the spot
 * from ffmpeg's test sources.
 */
class FfmpegTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Ffmpeg FFMPEG = new Ffmpeg();

    @TempDir
    Path dir;

    @BeforeAll
    static void ffmpegIsInstalled() {
        assertThat(FFMPEG.available())
                .as("ffmpeg and ffprobe must be on the PATH for these tests (Debian package ffmpeg; ./test installs it)")
                .isTrue();
    }

    @Test
    void aClipBecomesAnH264AacVideoWithAPreviewAndMeta() throws IOException {
        Path work = dir.resolve("work");
        ProcessedMedia media = FFMPEG.video(fixture("clip.mp4"), work, false);

        assertThat(media.type()).isEqualTo("video");
        assertThat(media.file().contentType()).isEqualTo("video/mp4");
        assertThat(media.file().extension()).isEqualTo("mp4");
        assertThat(media.file().path()).startsWith(work).isRegularFile();
        JsonNode probe = probe(media.file().path());
        assertThat(probe.path("format").path("format_name").asText()).contains("mp4");
        assertThat(codecs(probe)).containsExactly("video:h264", "audio:aac");
        JsonNode video = probe.path("streams").get(0);
        assertThat(video.path("pix_fmt").asText()).isEqualTo("yuv420p");
        assertThat(video.path("width").asInt()).isEqualTo(320);
        assertThat(video.path("height").asInt()).isEqualTo(240);

        assertThat(media.thumbnail().contentType()).isEqualTo("image/jpeg");
        assertThat(media.thumbnail().path()).startsWith(work);
        BufferedImage preview = ImageIO.read(media.thumbnail().path().toFile());
        assertThat(preview.getWidth()).isEqualTo(320);
        assertThat(preview.getHeight()).isEqualTo(240);
        assertThat(media.blurhash()).hasSize(28).startsWith("L");

        MediaMeta meta = media.meta();
        assertThat(meta.original().width()).isEqualTo(320);
        assertThat(meta.original().height()).isEqualTo(240);
        assertThat(meta.original().frameRate()).isEqualTo("15/1");
        assertThat(meta.original().duration()).isBetween(1.0, 2.0);
        assertThat(meta.original().bitrate()).isPositive();
        assertThat(meta.small()).isEqualTo(MediaMeta.Size.image(320, 240));
        assertThat(meta.duration()).isBetween(1.0, 2.0);
        assertThat(meta.audioEncode()).isEqualTo("aac");
        assertThat(meta.audioBitrate()).isEqualTo("44100 Hz");
        assertThat(meta.audioChannels()).isEqualTo("stereo");
    }

    @Test
    void anAnimatedGifBecomesASilentGifv() throws IOException {
        ProcessedMedia media = FFMPEG.video(fixture("animated.gif"), dir.resolve("work"), true);

        assertThat(media.type()).isEqualTo("gifv");
        assertThat(media.file().extension()).isEqualTo("mp4");
        assertThat(codecs(probe(media.file().path()))).containsExactly("video:h264");
        assertThat(media.meta().original().width()).isEqualTo(64);
        assertThat(media.meta().original().height()).isEqualTo(48);
        assertThat(media.meta().audioEncode()).isNull();
        assertThat(media.meta().audioChannels()).isNull();
        assertThat(media.thumbnail()).isNotNull();
        assertThat(media.blurhash()).isNotNull();
    }

    @Test
    void aVideoWithSoundAskedAsGifvLosesItsSound() throws IOException {
        ProcessedMedia media = FFMPEG.video(fixture("clip.mp4"), dir.resolve("work"), true);

        assertThat(media.type()).isEqualTo("gifv");
        assertThat(codecs(probe(media.file().path()))).containsExactly("video:h264");
    }

    @Test
    void aVideoWithoutSoundIsAGifvAsOnMastodon() throws IOException {
        ProcessedMedia media = FFMPEG.video(fixture("silent.webm"), dir.resolve("work"), false);

        assertThat(media.type()).isEqualTo("gifv");
        assertThat(codecs(probe(media.file().path()))).containsExactly("video:h264");
        assertThat(media.meta().duration()).isCloseTo(1.0, within(0.3));
    }

    @Test
    void anMp3BecomesAnAudioAttachmentWithMeta() throws IOException {
        Path work = dir.resolve("work");
        ProcessedMedia media = FFMPEG.audio(fixture("tone.mp3"), work);

        assertThat(media.type()).isEqualTo("audio");
        assertThat(media.file().contentType()).isEqualTo("audio/mpeg");
        assertThat(media.file().extension()).isEqualTo("mp3");
        assertThat(media.file().path()).startsWith(work);
        assertThat(codecs(probe(media.file().path()))).containsExactly("audio:mp3");
        assertThat(media.thumbnail()).isNull();
        assertThat(media.blurhash()).isNull();
        MediaMeta meta = media.meta();
        assertThat(meta.original().width()).isNull();
        assertThat(meta.original().height()).isNull();
        assertThat(meta.original().duration()).isBetween(1.0, 2.0);
        assertThat(meta.original().bitrate()).isPositive();
        assertThat(meta.small()).isNull();
        assertThat(meta.duration()).isBetween(1.0, 2.0);
        assertThat(meta.audioEncode()).isEqualTo("mp3");
        assertThat(meta.audioBitrate()).isEqualTo("44100 Hz");
        assertThat(meta.audioChannels()).isEqualTo("mono");
    }

    @Test
    void theSoundOfAVideoCanBeTakenAsAudio() throws IOException {
        ProcessedMedia media = FFMPEG.audio(fixture("clip.mp4"), dir.resolve("work"));

        assertThat(codecs(probe(media.file().path()))).containsExactly("audio:mp3");
        assertThat(media.meta().audioChannels()).isEqualTo("stereo");
    }

    @Test
    void aTextFileIsRefused() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "hello, this is not a video\n".repeat(20));

        assertThatThrownBy(() -> FFMPEG.video(text, dir.resolve("v"), false))
                .isInstanceOf(UnprocessableException.class)
                .hasMessageContaining("not a video or audio file");
        assertThatThrownBy(() -> FFMPEG.audio(text, dir.resolve("a")))
                .isInstanceOf(UnprocessableException.class)
                .hasMessageContaining("not a video or audio file");
        Path txt = Files.writeString(dir.resolve("notes.txt"), "plain words\n".repeat(200));
        assertThatThrownBy(() -> FFMPEG.video(txt, dir.resolve("t"), false))
                .isInstanceOf(UnprocessableException.class)
                .hasMessageContaining("not a video or audio file");
    }

    @Test
    void aPlaylistIsRefusedBeforeItCanPointElsewhere() throws IOException {
        Path playlist = Files.writeString(dir.resolve("list.m3u8"),
                "#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1,\n" + fixture("clip.mp4").toAbsolutePath()
                        + "\n#EXT-X-ENDLIST\n");

        assertThatThrownBy(() -> FFMPEG.video(playlist, dir.resolve("work"), false))
                .isInstanceOf(UnprocessableException.class);
    }

    @Test
    void audioWithoutASoundStreamIsRefused() throws IOException {
        assertThatThrownBy(() -> FFMPEG.audio(fixture("animated.gif"), dir.resolve("work")))
                .isInstanceOf(UnprocessableException.class)
                .hasMessageContaining("no audio stream");
    }

    @Test
    void videoWithoutAPictureIsRefused() throws IOException {
        assertThatThrownBy(() -> FFMPEG.video(fixture("tone.mp3"), dir.resolve("work"), false))
                .isInstanceOf(UnprocessableException.class)
                .hasMessageContaining("no video stream");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedUnread() throws IOException {
        Path big = dir.resolve("big.mp4");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(Limits.VIDEO_SIZE_LIMIT + 1); // sparse: no disk used
        }

        assertThatThrownBy(() -> FFMPEG.video(big, dir.resolve("work"), false))
                .isInstanceOf(UnprocessableException.class)
                .hasMessageContaining("file size");
    }

    @Test
    void aLargeVideoIsScaledDownToFullHdAreaWithEvenSides() throws IOException {
        Path large = make("large.mp4", "testsrc=size=2400x1800:rate=5:duration=0.4", "-c:v", "libx264",
                "-preset", "ultrafast", "-pix_fmt", "yuv420p");

        ProcessedMedia media = FFMPEG.video(large, dir.resolve("work"), false);

        // sqrt(1920*1080 / (2400*1800)) = 0.6928: 1662.7 x 1247.0, rounded down to even sides
        assertThat(media.meta().original().width()).isEqualTo(1662);
        assertThat(media.meta().original().height()).isEqualTo(1246);
        assertThat(media.type()).isEqualTo("gifv"); // no sound
        BufferedImage preview = ImageIO.read(media.thumbnail().path().toFile());
        assertThat((long) preview.getWidth() * preview.getHeight()).isLessThanOrEqualTo(230_400);
        assertThat((double) preview.getWidth() / preview.getHeight()).isCloseTo(2400.0 / 1800, within(0.01));
        assertThat(media.meta().small().width()).isEqualTo(preview.getWidth());
        assertThat(media.meta().small().height()).isEqualTo(preview.getHeight());
    }

    @Test
    void aFrameRateOverTheLimitIsCapped() throws IOException {
        Path fast = make("fast.mp4", "testsrc=size=64x48:rate=240:duration=0.25", "-c:v", "libx264",
                "-preset", "ultrafast", "-pix_fmt", "yuv420p");

        ProcessedMedia media = FFMPEG.video(fast, dir.resolve("work"), false);

        assertThat(Ffmpeg.rate(media.meta().original().frameRate()))
                .isLessThanOrEqualTo((double) Limits.VIDEO_FRAME_RATE_LIMIT);
    }

    @Test
    void anAbsurdlyWideVideoIsRefused() throws IOException {
        Path wide = make("wide.mkv", "testsrc=size=8200x16:rate=1:duration=1", "-c:v", "ffv1");

        assertThatThrownBy(() -> FFMPEG.video(wide, dir.resolve("work"), false))
                .isInstanceOf(UnprocessableException.class)
                .hasMessageContaining("8192");
    }

    @Test
    void aRotatedVideoKeepsItsUprightShape() throws IOException {
        Path upright = make("upright.mp4", "testsrc=size=320x240:rate=5:duration=0.4", "-c:v", "libx264",
                "-preset", "ultrafast", "-pix_fmt", "yuv420p");
        Path rotated = dir.resolve("rotated.mp4"); // ffmpeg 5.1 writes the display matrix only when copying
        run(List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-i", upright.toString(), "-c", "copy",
                "-metadata:s:v:0", "rotate=90", rotated.toString()));
        assertThat(probe(rotated).path("streams").get(0).path("side_data_list").toString()).contains("rotation");

        ProcessedMedia media = FFMPEG.video(rotated, dir.resolve("work"), false);

        assertThat(media.meta().original().width()).isEqualTo(240);
        assertThat(media.meta().original().height()).isEqualTo(320);
        BufferedImage preview = ImageIO.read(media.thumbnail().path().toFile());
        assertThat(preview.getWidth()).isEqualTo(240);
        assertThat(preview.getHeight()).isEqualTo(320);
    }

    @Test
    void surroundHighRateAudioBecomesStereoMp3() throws IOException {
        Path flac = make("surround.flac", "sine=frequency=440:sample_rate=96000:duration=0.5", "-af",
                "pan=5.1|c0=c0|c1=c0|c2=c0|c3=c0|c4=c0|c5=c0", "-c:a", "flac");

        ProcessedMedia media = FFMPEG.audio(flac, dir.resolve("work"));

        assertThat(codecs(probe(media.file().path()))).containsExactly("audio:mp3");
        assertThat(media.meta().audioChannels()).isEqualTo("stereo");
        assertThat(media.meta().audioBitrate()).isEqualTo("48000 Hz");
    }

    @Test
    void sizesFitTheirAreaKeepingTheAspect() {
        assertThat(Ffmpeg.fitArea(3840, 2160, Ffmpeg.MAX_VIDEO_PIXELS, true)).containsExactly(1920, 1080);
        assertThat(Ffmpeg.fitArea(321, 241, Ffmpeg.MAX_VIDEO_PIXELS, true)).containsExactly(320, 240);
        assertThat(Ffmpeg.fitArea(1, 1, Ffmpeg.MAX_VIDEO_PIXELS, true)).containsExactly(2, 2);
        assertThat(Ffmpeg.fitArea(1280, 720, Ffmpeg.MAX_PREVIEW_PIXELS, false)).containsExactly(640, 360);
        assertThat(Ffmpeg.fitArea(5000, 10, Ffmpeg.MAX_PREVIEW_PIXELS, false)).containsExactly(5000, 10);
    }

    @Test
    void aMissingProgramIsNotAvailable() {
        assertThat(new Ffmpeg("/nonexistent/ffmpeg", "/nonexistent/ffprobe").available()).isFalse();
        assertThat(new Ffmpeg("ffmpeg", "/nonexistent/ffprobe").available()).isFalse();
    }

    @Test
    void aProcessOverItsTimeIsKilledAndTheUploadRefused() throws Exception {
        Path slow = dir.resolve("slow-ffprobe");
        Files.writeString(slow, "#!/bin/sh\necho $$ > \"" + dir.resolve("pid") + "\"\nexec sleep 120\n");
        slow.toFile().setExecutable(true);
        Ffmpeg ffmpeg = new Ffmpeg("ffmpeg", slow.toString(), Duration.ofMillis(500));

        assertThatThrownBy(() -> ffmpeg.video(fixture("clip.mp4"), dir.resolve("work"), false))
                .isInstanceOf(UnprocessableException.class)
                .hasMessageContaining("took too long");
        long pid = Long.parseLong(Files.readString(dir.resolve("pid")).trim());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    // ---- helpers

    private Path fixture(String name) throws IOException {
        Path target = dir.resolve("in-" + name);
        if (!Files.exists(target)) {
            try (InputStream in = FfmpegTest.class.getResourceAsStream("/media/" + name)) {
                assertThat(in).as("test resource media/" + name).isNotNull();
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return target;
    }

    /** A clip from one of ffmpeg's lavfi sources. */
    private Path make(String name, String source, String... codec) throws IOException {
        Path out = dir.resolve(name);
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-loglevel", "error", "-y",
                "-f", "lavfi", "-i", source));
        cmd.addAll(List.of(codec));
        cmd.add(out.toString());
        run(cmd);
        assertThat(out).isRegularFile();
        return out;
    }

    private JsonNode probe(Path file) throws IOException {
        return JSON.readTree(run(List.of("ffprobe", "-v", "error", "-print_format", "json", "-show_format",
                "-show_streams", file.toString())));
    }

    private static List<String> codecs(JsonNode probe) {
        List<String> codecs = new ArrayList<>();
        for (JsonNode stream : probe.path("streams")) {
            codecs.add(stream.path("codec_type").asText() + ":" + stream.path("codec_name").asText());
        }
        return codecs;
    }

    private String run(List<String> cmd) throws IOException {
        Path out = Files.createTempFile(dir, "run", ".out");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        p.getOutputStream().close();
        try {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", cmd)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        assertThat(p.exitValue()).as(String.join(" ", cmd)).isZero();
        return Files.readString(out);
    }
}
