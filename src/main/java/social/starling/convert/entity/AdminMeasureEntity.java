package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Mastodon's Admin::Measure: numbers as strings; {@code human_value} only for a measure in bytes and
 * {@code previous_total} only where Mastodon gives one (not for the instance_* keys).
 */
public record AdminMeasureEntity(String key, String unit, String total,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) String humanValue,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) String previousTotal,
                                 List<Data> data) {

    /** One day: its midnight UTC and the day's value. */
    public record Data(String date, String value) {
    }
}
