package social.starling.model.federation;

import java.util.List;

/**
 * One page of a collection, newest first, with the paging ids of its first and last rows (null on an empty page)
 * and whether it was full (so a next page may exist).
 */
public record Paged<T>(List<T> items, Long newestId, Long oldestId, boolean full) {
    public static <T> Paged<T> empty() {
        return new Paged<>(List.of(), null, null, false);
    }
}
