package social.starling.service.filter;

import java.util.ArrayList;
import java.util.List;
import social.starling.errors.UnprocessableException;
import social.starling.model.Filter;

/**
 * The deprecated v1 filters ({@code /api/v1/filters}), as Mastodon 4 keeps them: each keyword of a v2 filter is
 * one v1 filter (its id is the keyword's); creating one makes a v2 filter titled by the phrase with that one
 * keyword ({@code irreversible} meaning action hide); changing one changes the keyword and, if that filter has no
 * other keyword, the filter ("Deprecated API: filter with several keywords" otherwise); removing one removes the
 * keyword.
 */
public final class FilterV1Service {
    /** A keyword with its filter. */
    public record V1Filter(Filter filter, Filter.Keyword keyword) {
    }

    private final FilterService filters;

    public FilterV1Service(FilterService filters) {
        this.filters = filters;
    }

    public List<V1Filter> list(long accountId) {
        List<V1Filter> out = new ArrayList<>();
        for (Filter f : filters.list(accountId)) {
            f.keywords().forEach(k -> out.add(new V1Filter(f, k)));
        }
        return out;
    }

    public V1Filter find(long accountId, long keywordId) {
        Filter.Keyword k = filters.keyword(accountId, keywordId);
        return new V1Filter(filters.find(accountId, k.filterId()), k);
    }

    public V1Filter create(long accountId, String phrase, List<String> contexts, boolean irreversible,
                           Boolean wholeWord, boolean expiresInGiven, Long expiresIn) {
        Filter f = filters.create(accountId, new FilterService.FilterRequest(phrase, contexts,
                irreversible ? "hide" : "warn", expiresInGiven, expiresIn,
                List.of(new FilterService.KeywordChange(null, phrase == null ? "" : phrase, wholeWord, false))));
        return new V1Filter(f, f.keywords().getFirst());
    }

    public V1Filter update(long accountId, long keywordId, String phrase, List<String> contexts,
                           Boolean irreversible, Boolean wholeWord, boolean expiresInGiven, Long expiresIn) {
        V1Filter current = find(accountId, keywordId);
        boolean filterChanges = contexts != null || irreversible != null || expiresInGiven;
        if (filterChanges && current.filter().keywords().size() > 1) {
            throw new UnprocessableException("Deprecated API: filter with several keywords");
        }
        if (filterChanges) {
            filters.update(accountId, current.filter().id(), new FilterService.FilterRequest(null, contexts,
                    irreversible == null ? null : irreversible ? "hide" : "warn", expiresInGiven, expiresIn, null));
        }
        filters.updateKeyword(accountId, keywordId, phrase, wholeWord);
        return find(accountId, keywordId);
    }

    public void delete(long accountId, long keywordId) {
        filters.deleteKeyword(accountId, keywordId); // another person's keyword reads as missing
    }
}
