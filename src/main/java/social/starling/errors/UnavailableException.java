package social.starling.errors;

import java.time.Duration;

/** The server is busy or starting (503); the client may try again after {@code retryAfter}. */
public final class UnavailableException extends StarlingException {
    private final Duration retryAfter;

    public UnavailableException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
