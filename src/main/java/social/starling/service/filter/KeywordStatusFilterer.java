package social.starling.service.filter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import social.starling.db.Database;
import social.starling.db.FilterRepository;
import social.starling.model.Filter;
import social.starling.model.Status;
import social.starling.model.view.StatusView;
import social.starling.service.status.StatusFilterer;

/**
 * The keyword filters (Filters v2) applied to statuses, as Mastodon's CustomFilter: a viewer's unexpired filters
 * for the context match a status when one of their keywords occurs in its text (content warning and plain text),
 * case-insensitively; a "whole word" keyword must stand at word boundaries on the sides where it starts or ends
 * with a word character (CustomFilterKeyword#to_regex), others match anywhere. A filter also matches the statuses
 * it names, and reblogs of them. The match reported is the text matched, as Mastodon's {@code keyword_matches}.
 * Each viewer's compiled filters are cached; changing filters evicts them on this node, and entries live a minute,
 * which bounds staleness across nodes.
 */
public final class KeywordStatusFilterer implements StatusFilterer {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE
            | Pattern.UNICODE_CHARACTER_CLASS | Pattern.DOTALL;
    private static final Pattern WORD_AT_START = Pattern.compile("^\\w", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern WORD_AT_END = Pattern.compile("\\w$", Pattern.UNICODE_CHARACTER_CLASS);

    /** A filter ready to match: its keywords as one pattern (null without keywords) and its status ids. */
    record Compiled(Filter filter, Pattern keywords, Set<Long> statusIds) {
    }

    private final Database db;
    private final FilterRepository filters;
    private final Clock clock;
    private final Cache<Long, List<Compiled>> cache = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(100_000).build();

    public KeywordStatusFilterer(Database db, FilterRepository filters, Clock clock) {
        this.db = db;
        this.filters = filters;
        this.clock = clock;
    }

    @Override
    public List<StatusView.FilterMatch> matches(long viewerId, String context, Status status, String plainText) {
        List<Compiled> compiled = cache.get(viewerId, this::load);
        if (compiled.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<StatusView.FilterMatch> out = new ArrayList<>();
        for (Compiled c : compiled) {
            Filter f = c.filter();
            if (f.expired(now) || !f.contexts().contains(context)) {
                continue;
            }
            List<String> keywordMatches = List.of();
            if (c.keywords() != null) {
                Matcher m = c.keywords().matcher(plainText);
                if (m.find()) {
                    keywordMatches = List.of(m.group());
                }
            }
            List<String> statusMatches = new ArrayList<>();
            if (c.statusIds().contains(status.id())) {
                statusMatches.add(Long.toString(status.id()));
            }
            if (status.reblogOfId() != null && c.statusIds().contains(status.reblogOfId())) {
                statusMatches.add(Long.toString(status.reblogOfId()));
            }
            if (keywordMatches.isEmpty() && statusMatches.isEmpty()) {
                continue;
            }
            out.add(new StatusView.FilterMatch(f.id(), f.title(), f.contexts(), f.action(), f.expiresAt(),
                    keywordMatches, statusMatches,
                    f.keywords().stream().map(k -> new StatusView.FilterMatch.Keyword(k.id(), k.keyword(),
                            k.wholeWord())).toList(),
                    f.statuses().stream().map(Filter.FilteredStatus::statusId).toList()));
        }
        return out;
    }

    @Override
    public void evict(long viewerId) {
        cache.invalidate(viewerId);
    }

    private List<Compiled> load(long viewerId) {
        List<Compiled> out = new ArrayList<>();
        for (Filter f : db.read(tx -> filters.all(tx, viewerId))) {
            if (f.keywords().isEmpty() && f.statuses().isEmpty()) {
                continue;
            }
            Pattern keywords = f.keywords().isEmpty() ? null : Pattern.compile(String.join("|",
                    f.keywords().stream().map(k -> "(?:" + regex(k.keyword(), k.wholeWord()) + ")").toList()), FLAGS);
            Set<Long> statusIds = new HashSet<>();
            f.statuses().forEach(s -> statusIds.add(s.statusId()));
            out.add(new Compiled(f, keywords, statusIds));
        }
        return List.copyOf(out);
    }

    /** One keyword as a pattern (case-insensitivity comes from the flags). */
    static String regex(String keyword, boolean wholeWord) {
        String quoted = Pattern.quote(keyword);
        if (!wholeWord) {
            return quoted;
        }
        return (WORD_AT_START.matcher(keyword).find() ? "\\b" : "") + quoted
                + (WORD_AT_END.matcher(keyword).find() ? "\\b" : "");
    }
}
