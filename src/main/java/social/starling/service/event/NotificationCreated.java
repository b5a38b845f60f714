package social.starling.service.event;

/**
 * A notification was stored for a local account and is shown in its lists (a filtered one is not told): streaming
 * sends it to the account's sockets and Web Push to its subscriptions. Published by
 * {@link social.starling.service.notification.NotifyService}.
 */
public record NotificationCreated(long notificationId, long accountId) implements Event {
}
