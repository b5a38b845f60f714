package social.starling.model;

import java.time.LocalDate;
import java.util.List;

/**
 * One of the admin dashboard's measures over a range of days (Mastodon's Admin::Metrics::Measure): the total, the
 * total of the period of the same length just before (null where Mastodon gives none), and one point per day.
 * {@code unit} is null or "bytes".
 */
public record Measure(String key, String unit, long total, Long previousTotal, List<Point> data) {

    public record Point(LocalDate date, long value) {
    }
}
