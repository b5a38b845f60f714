package social.starling.service.event;

/**
 * {@code accountId}'s keyword filters changed: every node forgets its compiled filters, and the user stream sends
 * {@code filters_changed}. Published by {@link social.starling.service.filter.FilterService}.
 */
public record FiltersChanged(long accountId) implements Event {
}
