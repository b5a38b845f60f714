package social.starling.api.web.client;

import java.util.List;
import social.starling.convert.entity.AccountEntity;
import social.starling.convert.entity.ListEntity;
import social.starling.convert.entity.StatusEntity;

/** The member's lists, and the pages of one list (its timeline, its members, deleting it). */
public final class ListsPage {
    private ListsPage() {
    }

    /** All the member's lists with the forms to create, rename and delete. */
    public record Index(ClientNav nav, List<ListEntity> lists) {
    }

    /** A list's timeline, paged: {@code olderPath} is null at the end. */
    public record Timeline(ClientNav nav, ListEntity list, String path, List<StatusEntity> statuses,
                           String olderPath) {
    }

    /** A list's members with Remove, and the followed accounts found for {@code q} to add. */
    public record Members(ClientNav nav, ListEntity list, List<AccountEntity> members, String q,
                          List<AccountEntity> candidates) {
    }

    /** "Delete this list?" before it goes. */
    public record Delete(ClientNav nav, ListEntity list) {
    }
}
