package social.starling.federation.inbox;

/**
 * An inbound activity refused by a rule (origin, ownership, an object that cannot be found or may not be touched):
 * it has no effect and is not retried. The message says why, for the log.
 */
public final class InboxRefusal extends RuntimeException {
    public InboxRefusal(String message) {
        super(message, null, false, false);
    }
}
