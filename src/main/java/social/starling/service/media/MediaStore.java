package social.starling.service.media;

import java.io.InputStream;
import java.util.Optional;

/**
 * Where uploaded media is kept, by key: a relative path such as {@code accounts/avatars/123/Xy9.jpg}, made of
 * segments of letters, digits, {@code . _ -} (never {@code ..}). Today the data directory's {@code media} folder
 * ({@link LocalMediaStore}), or an S3 bucket ({@link S3MediaStore}) when STARLING_S3_BUCKET is set. Keys, not URLs, are stored in
 * the database, so the place can change without touching rows.
 */
public interface MediaStore {
    /** Stores {@code bytes} under {@code key}, replacing what was there; readers never see a partial object. */
    void put(String key, byte[] bytes, String contentType);

    /** Stores the file at {@code file} under {@code key} (copied or moved; the caller deletes its copy after). */
    void put(String key, java.nio.file.Path file, String contentType);

    /** The object's bytes, or empty if there is none. The caller closes the stream. */
    Optional<InputStream> open(String key);

    /** Removes the object if it exists. */
    void delete(String key);

    /** The public URL the object is served at. */
    String url(String key);

    /** Releases what the store holds (an S3 client's connections); nothing for files. */
    default void close() {
    }
}
