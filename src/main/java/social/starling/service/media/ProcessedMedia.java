package social.starling.service.media;

import java.nio.file.Path;
import social.starling.model.MediaMeta;

/**
 * The outcome of processing one upload: files written into the work directory the processor was given (the
 * caller stores them and deletes the directory), and what the attachment entity shows.
 *
 * @param type      Mastodon's attachment type: image, gifv, video or audio
 * @param file      the file to serve as {@code url} (re-encoded: no EXIF, orientation applied; MP4 for video and
 *                  gifv, MP3 for audio)
 * @param thumbnail the preview ({@code preview_url}, a JPEG or PNG), or null (audio without cover)
 * @param blurhash  from the preview, or null when there is no picture
 */
public record ProcessedMedia(String type, MediaFile file, MediaFile thumbnail, MediaMeta meta, String blurhash) {

    /** A file on disk with the content type and file extension (without dot) it is served with. */
    public record MediaFile(Path path, String contentType, String extension) {
    }
}
