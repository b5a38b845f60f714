package social.starling.api.web.client;

import java.util.List;
import social.starling.convert.entity.StatusEntity;
import social.starling.convert.entity.TagEntity;

/** The search form and, when {@code q} is given, what GET /api/v2/search with resolve=true finds for it. */
public record SearchPage(ClientNav nav, String q, String path, List<PersonRow> accounts, List<TagEntity> hashtags,
                         List<StatusEntity> statuses) {
}
