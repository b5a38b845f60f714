package social.starling.api.web;

import java.time.Instant;
import java.util.List;

/** {@code /admin/reports}: the open (or resolved) reports, newest first. */
public record AdminReportsPage(AdminNav nav, boolean resolved, List<Row> rows, String olderHref) {

    public record Row(long id, String reporter, String target, String category, String excerpt, Instant createdAt,
                      String assigned) {
    }
}
