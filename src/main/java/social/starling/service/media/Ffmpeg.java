package social.starling.service.media;

import java.nio.file.Path;

/**
 * Video, audio and animated GIF through the ffmpeg and ffprobe programs. TO BE WRITTEN (helper "av").
 */
public final class Ffmpeg {
    /** Whether ffmpeg and ffprobe can be run here. */
    public boolean available() {
        return false;
    }

    /** Video (or an animated GIF when {@code gifv}) to an H.264/AAC MP4 plus a preview frame. */
    public ProcessedMedia video(Path source, Path workDir, boolean gifv) {
        throw new UnsupportedOperationException("not written yet");
    }

    /** Audio to MP3 (no preview). */
    public ProcessedMedia audio(Path source, Path workDir) {
        throw new UnsupportedOperationException("not written yet");
    }
}
