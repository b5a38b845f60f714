package social.starling.model;

import java.util.List;

/** One of the admin dashboard's dimensions (Mastodon's Admin::Metrics::Dimension): its items, largest first. */
public record Dimension(String key, List<Item> data) {

    /** {@code value} is a count, or a version for software_versions. */
    public record Item(String key, String humanKey, String value) {
    }
}
