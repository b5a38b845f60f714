package social.starling.model.view;

import social.starling.model.Account;
import social.starling.model.Notification;

/**
 * A notification as its recipient sees it: the sender and, for status types, the status (else null); for
 * {@code admin.report}, the report (else null); for a {@code moderation_warning}, the strike (else null).
 */
public record NotificationView(Notification notification, Account from, StatusView status, ReportView report,
                               WarningView warning) {

    public NotificationView(Notification notification, Account from, StatusView status) {
        this(notification, from, status, null, null);
    }
}
