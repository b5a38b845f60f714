package social.starling.errors;

import java.util.List;
import java.util.Map;

/**
 * Validation failed (Mastodon's 422). {@code details} carries per-field errors the way Mastodon renders them for
 * registrations: {@code {"username": [{"error": "ERR_TAKEN", "description": "is already taken"}]}}.
 */
public final class UnprocessableException extends StarlingException {
    public record Detail(String error, String description) {
    }

    private final Map<String, List<Detail>> details;

    public UnprocessableException(String message) {
        this(message, Map.of());
    }

    public UnprocessableException(String message, Map<String, List<Detail>> details) {
        super(message);
        this.details = Map.copyOf(details);
    }

    public Map<String, List<Detail>> details() {
        return details;
    }
}
