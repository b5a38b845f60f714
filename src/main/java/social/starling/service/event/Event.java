package social.starling.service.event;

/**
 * Something that happened, told to every node after the transaction that did it committed. Events are records of
 * ids (listeners reload what they need), serialised as JSON between nodes under their simple class name, so a new
 * event is a record added to {@code permits}. An event a node does not know (a newer node during an upgrade) is
 * ignored there.
 */
public sealed interface Event permits AccountChanged, AccountRowChanged, NotificationCreated, StatusCreated,
        StatusDeleted, StatusUpdated, StatusWithdrawn, ConversationUpdated, FiltersChanged, DomainPolicyChanged {
}
