package social.starling.service.event;

/** A status's content was edited (locally or by an inbound Update): streams send {@code status.update}. */
public record StatusUpdated(long statusId) implements Event {
}
