package social.starling.model.view;

import social.starling.model.Account;
import social.starling.model.StatusEdit;

/** A revision of a status (its edit history) with the account that made it. */
public record StatusRevision(StatusEdit edit, Account account) {
}
