package social.starling.service.media;

import java.net.URI;
import java.nio.file.Path;

/**
 * Fetches a remote file into a local one, through the outbound address guard (federation's RemoteFetcher behind
 * it), refusing more than {@code maxBytes}.
 */
@FunctionalInterface
public interface MediaDownloader {
    /** Returns the content type the server gave, or null; throws when the file cannot be had. */
    String download(URI url, Path target, long maxBytes) throws DownloadFailed;

    /** Any reason the file could not be had (refused address, too large, HTTP error, timeout). */
    final class DownloadFailed extends Exception {
        public DownloadFailed(String message) {
            super(message);
        }
    }
}
