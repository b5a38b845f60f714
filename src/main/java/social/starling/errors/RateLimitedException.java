package social.starling.errors;

import java.time.Duration;

/** Too many requests (429); the client may try again after {@code retryAfter}. */
public final class RateLimitedException extends StarlingException {
    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
