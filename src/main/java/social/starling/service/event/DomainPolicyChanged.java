package social.starling.service.event;

/**
 * A server-wide domain block or allow was created, changed or lifted: every node reloads its
 * {@link social.starling.service.moderation.DomainPolicy}. Published by
 * {@link social.starling.service.moderation.DomainModerationService}.
 */
public record DomainPolicyChanged(String domain) implements Event {
}
