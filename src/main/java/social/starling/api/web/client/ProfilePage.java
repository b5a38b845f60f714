package social.starling.api.web.client;

import java.util.List;
import social.starling.convert.entity.AccountEntity;
import social.starling.convert.entity.ListEntity;
import social.starling.convert.entity.RelationshipEntity;
import social.starling.convert.entity.StatusEntity;

/**
 * An account's profile in the web client: the account and the member's relationship with it (null on the member's
 * own profile), which tab is shown ({@code posts}, {@code followers} or {@code following}), that tab's statuses or
 * people (pinned posts above the first page of posts), the path of this page (actions come back to it), the next
 * older page (null at the end) and the member's lists with this account in them or not.
 */
public record ProfilePage(ClientNav nav, AccountEntity account, RelationshipEntity relationship, String tab,
                          String path, List<StatusEntity> pinned, List<StatusEntity> statuses, List<PersonRow> people,
                          String olderPath, List<ListChoice> lists) {

    /** One of the member's lists, and whether this account is in it (offered once the member follows them). */
    public record ListChoice(ListEntity list, boolean member) {
    }

    /** The link to an account's profile in the client (its acct: {@code name} or {@code name@domain}). */
    public String base() {
        return "/web/@" + account.acct();
    }
}
