package social.starling.api.web.client;

import java.util.List;
import social.starling.convert.entity.AccountEntity;
import social.starling.convert.entity.RelationshipEntity;
import social.starling.convert.entity.StatusEntity;

/**
 * An account's profile in the web client: the account and the member's relationship with it (null on the member's
 * own profile), which tab is shown ({@code posts}, {@code followers} or {@code following}), that tab's statuses or
 * people, the path of this page (actions come back to it) and of the next older page (null at the end).
 */
public record ProfilePage(ClientNav nav, AccountEntity account, RelationshipEntity relationship, String tab,
                          String path, List<StatusEntity> statuses, List<PersonRow> people, String olderPath) {

    /** The link to an account's profile in the client (its acct: {@code name} or {@code name@domain}). */
    public String base() {
        return "/web/@" + account.acct();
    }
}
