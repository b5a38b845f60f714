package social.starling.federation.fetch;

import java.util.OptionalInt;

/**
 * An outbound request that did not give a usable answer. {@link #reason()} says what kind of failure it was, so a
 * caller can tell "gone" from "try later" from "never try this URL"; the message is fit for logs and for a
 * moderator's screen (it names the URL's host, never a resolved private address).
 */
public final class FetchException extends Exception {
    public enum Reason {
        /** Not an absolute http(s) URL, or one with user info. */
        BAD_URL,
        /** The host resolves to an address outside the allowed ones (see {@link AddressPolicy}). */
        REFUSED_ADDRESS,
        /** The domain is suspended (or not allowed) by the server's domain policy. */
        REFUSED_DOMAIN,
        /** The host name does not resolve. */
        UNKNOWN_HOST,
        /** Connection refused or reset, TLS failure, or another network error. */
        NETWORK,
        /** No complete answer within the connect or total timeout. */
        TIMEOUT,
        /** An answer other than 2xx; see {@link #status()}. 404 and 410 mean the object is gone. */
        HTTP_STATUS,
        TOO_MANY_REDIRECTS,
        /** A redirect from https to http. */
        INSECURE_REDIRECT,
        /** The body is larger than allowed. */
        TOO_LARGE,
        /** Not an ActivityStreams or JSON content type. */
        UNEXPECTED_CONTENT_TYPE,
        /** Malformed JSON, not an object, too deep or too long. */
        INVALID_JSON,
        /** The document's id is missing or not on the origin it was fetched from. */
        ID_MISMATCH
    }

    private final Reason reason;
    private final int status;
    private final String retryAfter;

    public FetchException(Reason reason, String message) {
        this(reason, message, 0, null);
    }

    FetchException(Reason reason, String message, int status, Throwable cause) {
        this(reason, message, status, cause, null);
    }

    FetchException(Reason reason, String message, int status, Throwable cause, String retryAfter) {
        super(message, cause);
        this.reason = reason;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** The answer's {@code Retry-After} header as sent (seconds or an HTTP date), for {@link Reason#HTTP_STATUS}. */
    public java.util.Optional<String> retryAfter() {
        return java.util.Optional.ofNullable(retryAfter);
    }

    public Reason reason() {
        return reason;
    }

    /** The HTTP status, for {@link Reason#HTTP_STATUS}. */
    public OptionalInt status() {
        return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
    }

    /** 404 or 410: the remote says the thing does not exist (any more). */
    public boolean isGone() {
        return reason == Reason.HTTP_STATUS && (status == 404 || status == 410);
    }
}
