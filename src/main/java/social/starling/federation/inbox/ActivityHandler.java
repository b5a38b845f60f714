package social.starling.federation.inbox;

/**
 * Handles one kind of inbound activity (one activity type, with one kind of object), named
 * {@code <Activity><Object>Handler}. Rules the activity breaks are thrown as {@link InboxRefusal}; a service's
 * client error (not found, not allowed) is also a refusal; anything else fails the job, which is retried.
 */
@FunctionalInterface
public interface ActivityHandler {
    void handle(Inbound activity);
}
