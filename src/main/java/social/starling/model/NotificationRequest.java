package social.starling.model;

import java.time.Instant;

/**
 * The mentions a notification policy filtered from one sender, gathered for their recipient to accept or dismiss
 * (Mastodon 4.3's NotificationRequest). {@code notificationsCount} is capped, as Mastodon's, at
 * {@link #MAX_MEANINGFUL_COUNT}; {@code lastStatusId} is null once that status is gone.
 */
public record NotificationRequest(long id, long accountId, long fromAccountId, Long lastStatusId,
                                  int notificationsCount, Instant createdAt, Instant updatedAt) {
    /** Mastodon counts no further (NotificationRequest::MAX_MEANINGFUL_COUNT). */
    public static final int MAX_MEANINGFUL_COUNT = 100;

    /** A person's pending requests (at most {@link #MAX_MEANINGFUL_COUNT} counted) and the notifications they hold. */
    public record Summary(int requests, int notifications) {
    }
}
