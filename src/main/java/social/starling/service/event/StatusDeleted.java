package social.starling.service.event;

/** A status row was deleted (by its author, by an inbound Delete, an unreblog): streams send {@code delete}. */
public record StatusDeleted(long statusId) implements Event {
}
