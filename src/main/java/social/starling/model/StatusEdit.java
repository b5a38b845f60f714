package social.starling.model;

import java.time.Instant;
import java.util.List;

/**
 * One revision of an edited status (Mastodon's StatusEdit): the first edit also records the original, dated at the
 * status's creation. {@code pollOptions} is null when that revision had no poll; {@code accountId} is who edited.
 */
public record StatusEdit(long id, long statusId, long accountId, String text, String content, String spoilerText,
                         boolean sensitive, List<String> pollOptions, Instant createdAt) {
}
