package social.starling.convert;

import java.time.ZoneOffset;
import java.util.List;
import social.starling.convert.entity.FeaturedTagEntity;
import social.starling.model.view.FeaturedTagView;

/**
 * FeaturedTagView → Mastodon's FeaturedTag. As REST::FeaturedTagSerializer writes it (the documentation example
 * shows a number and a time): {@code statuses_count} a string, {@code last_status_at} the UTC date only.
 */
public final class FeaturedTagApiMapper {
    public FeaturedTagEntity toApi(FeaturedTagView t) {
        return new FeaturedTagEntity(Long.toString(t.id()), t.name(), t.url(), Long.toString(t.statusesCount()),
                t.lastStatusAt() == null ? null : t.lastStatusAt().atZone(ZoneOffset.UTC).toLocalDate().toString());
    }

    public List<FeaturedTagEntity> toApi(List<FeaturedTagView> tags) {
        return tags.stream().map(this::toApi).toList();
    }
}
