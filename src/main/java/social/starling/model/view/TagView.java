package social.starling.model.view;

import java.time.Instant;
import java.util.List;

/**
 * A tag as shown: {@code id} null for a tag not yet used; {@code following} null without a viewer.
 * {@code featuring} (the viewer features it on their profile) is null without a viewer.
 */
public record TagView(Long id, String name, List<Day> history, Boolean following, Boolean featuring) {

    /** One day of use: the UTC midnight it starts at, statuses and distinct accounts. */
    public record Day(Instant day, int uses, int accounts) {
    }
}
