package social.starling.service.event;

/**
 * An account's login, profile, role, state or relations changed: every cache holding something about it (the
 * callers behind its tokens, its web sessions, its blocks and mutes) forgets it. Published by
 * {@link social.starling.service.account.AccountChanges}.
 */
public record AccountChanged(long accountId) implements Event {
}
