package social.starling.service.timeline;

import java.util.List;
import social.starling.model.view.StatusView;

/**
 * A page of a timeline computed at read time: the statuses the viewer may see, and the ids the query found
 * (newest first) for the Link header, so paging goes on past a page the viewer's filters emptied.
 */
public record TimelinePage(List<StatusView> statuses, List<Long> pagingIds) {
    public static final TimelinePage EMPTY = new TimelinePage(List.of(), List.of());
}
