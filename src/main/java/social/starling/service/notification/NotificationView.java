package social.starling.service.notification;

import social.starling.model.Account;
import social.starling.model.Notification;
import social.starling.service.status.StatusView;

/** A notification as its recipient sees it: the sender and, for status types, the status (else null). */
public record NotificationView(Notification notification, Account from, StatusView status) {
}
