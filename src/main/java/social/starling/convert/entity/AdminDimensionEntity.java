package social.starling.convert.entity;

import java.util.List;

/** Mastodon's Admin::Dimension. */
public record AdminDimensionEntity(String key, List<Data> data) {

    public record Data(String key, String humanKey, String value) {
    }
}
