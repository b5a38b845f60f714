package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * Mastodon's AccountWarning (entities/AccountWarning.md), 4.3.0. {@code action} is none, disable,
 * mark_statuses_as_sensitive, delete_statuses, sensitive, silence or suspend; {@code appeal} is nullable.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AccountWarningEntity(
        String id,
        String action,
        String text,
        List<String> statusIds,
        AccountEntity targetAccount,
        Appeal appeal,
        Instant createdAt) {

    /** Mastodon's Appeal (entities/Appeal.md), 4.3.0; {@code state} is approved, rejected or pending. */
    public record Appeal(String text, String state) {
    }
}
