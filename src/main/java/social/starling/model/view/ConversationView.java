package social.starling.model.view;

import java.util.List;
import social.starling.model.Account;

/** A thread for one viewer: the other participants (the viewer alone if there are none) and the last status. */
public record ConversationView(long id, boolean unread, List<Account> accounts, StatusView lastStatus) {
}
