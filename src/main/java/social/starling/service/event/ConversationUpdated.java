package social.starling.service.event;

/**
 * A direct status was recorded in {@code accountId}'s thread list (conversation {@code conversationId}): the
 * {@code direct} stream sends {@code conversation}. Published by the {@code status.distribute} job.
 */
public record ConversationUpdated(long accountId, long conversationId) implements Event {
}
