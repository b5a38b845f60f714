package social.starling.service.interaction;

import java.util.List;

/**
 * A page of a list and the ids it was paged by (a favourite's, a bookmark's, a reblog's id), newest first, for the
 * Link header. {@code pageIds} covers every row read, including those dropped because the viewer may not see them,
 * so paging carries on past them.
 */
public record Listing<T>(List<T> items, List<Long> pageIds) {
}
