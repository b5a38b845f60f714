package social.starling.model;

import java.util.List;

/** The limits this server enforces and advertises in the instance entity (Mastodon's defaults). */
public final class Limits {
    public static final int STATUS_MAX_CHARACTERS = 500;
    public static final int STATUS_MAX_MEDIA = 4;
    public static final int CHARACTERS_RESERVED_PER_URL = 23;
    public static final int POLL_MAX_OPTIONS = 4;
    public static final int POLL_MAX_CHARACTERS_PER_OPTION = 50;
    public static final int POLL_MIN_EXPIRATION = 300;
    public static final int POLL_MAX_EXPIRATION = 2_629_746;
    public static final int MAX_FEATURED_TAGS = 10;
    public static final int MAX_PINNED_STATUSES = 5;
    public static final int MAX_PROFILE_FIELDS = 4;
    public static final int MEDIA_DESCRIPTION_LIMIT = 1500;
    public static final long IMAGE_SIZE_LIMIT = 16L * 1024 * 1024;
    public static final long IMAGE_MATRIX_LIMIT = 33_177_600L;
    public static final long VIDEO_SIZE_LIMIT = 99L * 1024 * 1024;
    public static final int VIDEO_FRAME_RATE_LIMIT = 120;
    public static final long VIDEO_MATRIX_LIMIT = 8_294_400L;
    public static final List<String> SUPPORTED_MIME_TYPES = List.of(
            "image/jpeg", "image/png", "image/gif", "image/webp");

    private Limits() {
    }
}
