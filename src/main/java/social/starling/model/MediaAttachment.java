package social.starling.model;

import java.time.Instant;

/**
 * An attachment, local or remote (Mastodon's MediaAttachment). A local upload has its files in the MediaStore
 * ({@code fileKey}, {@code thumbnailKey}); a remote one has {@code remoteUrl} and a cached copy under the same keys
 * while it is cached (null otherwise). {@code statusId} is null until a post attaches it.
 *
 * @param type  image, gifv, video, audio or unknown
 * @param state processing, ready or failed
 */
public record MediaAttachment(long id, long accountId, Long statusId, int position, String type, String state,
                              String fileKey, String fileContentType, long fileSize, String thumbnailKey,
                              long thumbnailSize, String remoteUrl, String remotePreviewUrl, String description,
                              Double focusX, Double focusY, String blurhash, MediaMeta meta, Instant createdAt) {
    public static final String PROCESSING = "processing";
    public static final String READY = "ready";
    public static final String FAILED = "failed";

    public boolean isRemote() {
        return remoteUrl != null;
    }

    /**
     * The key of a remote attachment's proxy URL ({@code /media_proxy/:id/:style?k=}): the start of the SHA-256 of
     * the remote URL. Whoever can build the proxy URL already knows the remote one, so proxying gives nobody a file
     * its origin would not; without the key, sequential ids cannot be walked to media of posts one may not see.
     */
    public String proxyKey() {
        return remoteUrl == null ? null : social.starling.support.Hashes.sha256Hex(remoteUrl).substring(0, 16);
    }

    public boolean ready() {
        return READY.equals(state);
    }

    public MediaAttachment withDescription(String d, Double x, Double y) {
        return new MediaAttachment(id, accountId, statusId, position, type, state, fileKey, fileContentType, fileSize,
                thumbnailKey, thumbnailSize, remoteUrl, remotePreviewUrl, d, x, y, blurhash, meta, createdAt);
    }
}
