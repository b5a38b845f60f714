package social.starling.api.web;

import java.time.Instant;
import java.util.List;

/** {@code /admin/accounts}: local accounts, applications waiting for approval first, with the staff's actions. */
public record AdminAccountsPage(AdminNav nav, String username, String notice, List<Row> rows, String olderHref) {

    public record Row(String username, String email, String role, String state, boolean pending, Instant signedUpAt,
                      String reason, boolean canDisable, boolean canEnable) {
    }
}
