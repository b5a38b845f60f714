package social.starling.service.media;

import java.nio.file.Path;

/**
 * Still images (JPEG, PNG, WebP, GIF's first frame): decodes within the byte and pixel limits, applies the EXIF
 * orientation, re-encodes without metadata, makes the preview and the blurhash. TO BE WRITTEN (helper "img").
 */
public final class ImageProcessor {
    /** Processes {@code source} (already known to be an image by its magic bytes); writes into {@code workDir}. */
    public ProcessedMedia process(Path source, Path workDir) {
        throw new UnsupportedOperationException("not written yet");
    }

    /** Whether {@code source} is a GIF with more than one frame (Mastodon turns those into gifv). */
    public boolean isAnimatedGif(Path source) {
        return false;
    }
}
