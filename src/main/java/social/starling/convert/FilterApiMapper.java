package social.starling.convert;

import java.util.List;
import social.starling.convert.entity.FilterEntity;
import social.starling.convert.entity.FilterKeywordEntity;
import social.starling.convert.entity.FilterStatusEntity;
import social.starling.convert.entity.FilterV1Entity;
import social.starling.model.Filter;

/** Filters → Mastodon's Filter (v2, with keywords and statuses), FilterKeyword, FilterStatus and V1::Filter. */
public final class FilterApiMapper {

    public FilterEntity toApi(Filter f) {
        return new FilterEntity(Long.toString(f.id()), f.title(), f.contexts(), f.expiresAt(), f.action(),
                f.keywords().stream().map(this::toApi).toList(),
                f.statuses().stream().map(this::toApi).toList());
    }

    public List<FilterEntity> toApi(List<Filter> filters) {
        return filters.stream().map(this::toApi).toList();
    }

    public FilterKeywordEntity toApi(Filter.Keyword k) {
        return new FilterKeywordEntity(Long.toString(k.id()), k.keyword(), k.wholeWord());
    }

    public FilterStatusEntity toApi(Filter.FilteredStatus s) {
        return new FilterStatusEntity(Long.toString(s.id()), Long.toString(s.statusId()));
    }

    /** One keyword of {@code f} as a v1 filter. */
    public FilterV1Entity toV1(Filter f, Filter.Keyword k) {
        return new FilterV1Entity(Long.toString(k.id()), k.keyword(), f.contexts(), k.wholeWord(), f.expiresAt(),
                "hide".equals(f.action()));
    }
}
