package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Mastodon's MediaAttachment (entities/MediaAttachment.md). {@code type} is unknown, image, gifv, video or audio.
 * {@code url} is null while the file is still processing (the 202 answer of POST /api/v2/media);
 * {@code preview_url}, {@code remote_url}, {@code meta}, {@code description} and {@code blurhash} are nullable.
 * {@code text_url} was removed in 3.5.0.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MediaAttachmentEntity(
        String id,
        String type,
        String url,
        String previewUrl,
        String remoteUrl,
        Meta meta,
        String description,
        String blurhash) {

    /**
     * {@code meta}: "metadata returned by Paperclip". The documentation defines only {@code focus}; the other keys
     * follow its examples and each is written only when set.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Meta(
            Focus focus,
            Size original,
            Size small,
            String length,
            Double duration,
            Integer fps,
            String size,
            Integer width,
            Integer height,
            Double aspect,
            String audioEncode,
            String audioBitrate,
            String audioChannels) {
    }

    /** {@code meta[focus]}: focal point, each axis from -1.0 to 1.0 (2.3.0). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Focus(Double x, Double y) {
    }

    /** {@code meta[original]} / {@code meta[small]}, as in the documentation's examples. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Size(
            Integer width,
            Integer height,
            String size,
            Double aspect,
            String frameRate,
            Double duration,
            Long bitrate) {
    }
}
