package social.starling.convert.entity;

import java.util.Map;

/** Mastodon's Rule. */
public record RuleEntity(String id, String text, String hint, Map<String, Object> translations) {
}
