package social.starling.api.web;

import java.time.Instant;
import java.util.List;

/** {@code /admin/disputes/appeals}: the pending appeals, oldest first, with approve and reject. */
public record AdminAppealsPage(AdminNav nav, String notice, List<Row> rows) {

    public record Row(long id, String account, String action, String strikeText, Instant struckAt,
                      String appealText, Instant appealedAt) {
    }
}
