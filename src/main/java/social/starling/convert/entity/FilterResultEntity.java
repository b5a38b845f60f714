package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Mastodon's FilterResult (entities/FilterResult.md), 4.0.0: a filter that matched a status. {@code filter} is
 * written without {@code keywords} and {@code statuses}; the two match lists are nullable.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record FilterResultEntity(FilterEntity filter, List<String> keywordMatches, List<String> statusMatches) {
}
