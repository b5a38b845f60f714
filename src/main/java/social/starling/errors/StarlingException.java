package social.starling.errors;

/**
 * An error whose message is safe to show to the client. The API layer maps each subclass once to Mastodon's
 * status code and {@code {"error": message}} body; nothing below the API knows about HTTP.
 */
public abstract sealed class StarlingException extends RuntimeException
        permits BadRequestException, UnauthorizedException, ForbiddenException, NotFoundException, GoneException,
        UnprocessableException, RateLimitedException, UnavailableException {

    protected StarlingException(String message) {
        super(message, null, false, false);
    }
}
