package social.starling.model.view;

import social.starling.model.AccountWarning;
import social.starling.model.Appeal;

/** A strike as its member sees it in a notification: the AccountWarning and its appeal (null if none). */
public record WarningView(AccountWarning warning, Appeal appeal) {
}
