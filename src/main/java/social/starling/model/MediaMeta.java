package social.starling.model;

/**
 * What processing learnt about a file, as Mastodon's {@code meta}: the sizes of the original and of the preview
 * ({@code small}), and for video and audio the duration and streams. Stored as JSON with the attachment; every
 * field but {@code original} may be null.
 */
public record MediaMeta(Size original, Size small, Double duration, String audioEncode, String audioBitrate,
                        String audioChannels) {

    /** One rendition: pixels (null for audio), and for video/audio its frame rate, duration and bit rate. */
    public record Size(Integer width, Integer height, String frameRate, Double duration, Long bitrate) {
        public static Size image(int width, int height) {
            return new Size(width, height, null, null, null);
        }
    }

    public static MediaMeta image(Size original, Size small) {
        return new MediaMeta(original, small, null, null, null, null);
    }
}
