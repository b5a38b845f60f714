package social.starling.text;

import java.util.List;

/**
 * The links, mentions and hashtags of a status's text, in the order they appear and never overlapping (where two
 * candidates overlap the one that starts first wins, as in Mastodon's {@code Extractor.remove_overlapping_entities}).
 */
public record Extracted(String text, List<TextEntity> entities) {
    public Extracted {
        entities = List.copyOf(entities);
    }

    public List<TextEntity.Url> urls() {
        return only(TextEntity.Url.class);
    }

    public List<TextEntity.Mention> mentions() {
        return only(TextEntity.Mention.class);
    }

    public List<TextEntity.Hashtag> hashtags() {
        return only(TextEntity.Hashtag.class);
    }

    private <T extends TextEntity> List<T> only(Class<T> type) {
        return entities.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
