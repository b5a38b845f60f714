package social.starling.model.view;

import social.starling.model.Account;
import social.starling.model.NotificationRequest;

/** A notification request as its recipient sees it: the sender, and the last status if they may still see it. */
public record NotificationRequestView(NotificationRequest request, Account from, StatusView lastStatus) {
}
