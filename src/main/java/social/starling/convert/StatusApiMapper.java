package social.starling.convert;

import java.util.List;
import social.starling.convert.entity.FilterEntity;
import social.starling.convert.entity.FilterResultEntity;
import social.starling.convert.entity.MentionEntity;
import social.starling.convert.entity.PollEntity;
import social.starling.convert.entity.QuoteApprovalEntity;
import social.starling.convert.entity.QuoteEntity;
import social.starling.convert.entity.ShallowQuoteEntity;
import social.starling.convert.entity.StatusEntity;
import social.starling.model.Account;
import social.starling.model.Poll;
import social.starling.model.QuotePolicy;
import social.starling.model.Status;
import social.starling.model.view.StatusView;

/** StatusView → Mastodon's Status entity. */
public final class StatusApiMapper {
    private final AccountApiMapper accounts;
    private final String baseUrl;
    private final MediaAttachmentApiMapper media;

    public StatusApiMapper(AccountApiMapper accounts, String baseUrl, MediaAttachmentApiMapper media) {
        this.accounts = accounts;
        this.baseUrl = baseUrl;
        this.media = media;
    }

    public MediaAttachmentApiMapper media() {
        return media;
    }

    public List<StatusEntity> toApi(List<StatusView> views) {
        return views.stream().map(this::toApi).toList();
    }

    public StatusEntity toApi(StatusView v) {
        return toApi(v, false, false);
    }

    /** With {@code text}, the source as typed: answered on delete, for "delete and redraft". */
    public StatusEntity toApiWithSource(StatusView v) {
        return toApi(v, true, false);
    }

    /** @param nested inside a Quote: its own quote is a ShallowQuote (Mastodon's ShallowStatusSerializer) */
    private StatusEntity toApi(StatusView v, boolean withSource, boolean nested) {
        Status s = v.status();
        StatusEntity reblog = v.reblog() == null ? null : toApi(v.reblog());
        StatusView.Quoting quoting = v.quoting() == null ? StatusView.Quoting.NONE : v.quoting();
        boolean reblogWrapper = s.isReblog();
        StatusView.Marks marks = reblogWrapper ? proper(v) : v.viewer();
        return new StatusEntity(
                Long.toString(s.id()),
                s.uri(),
                s.createdAt(),
                accounts.toApi(v.account()),
                reblogWrapper ? "" : s.content(),
                s.visibility().wireName(),
                !reblogWrapper && s.sensitive(),
                reblogWrapper ? "" : s.spoilerText(),
                reblogWrapper ? List.of() : media.toApi(v.media()),
                v.application() == null ? null : new StatusEntity.Application(v.application().name(),
                        v.application().website()),
                v.mentions().stream().map(this::mention).toList(),
                v.tags().stream().map(t -> new StatusEntity.Tag(t.toLowerCase(java.util.Locale.ROOT),
                        baseUrl + "/tags/" + t)).toList(),
                List.of(),
                s.reblogsCount(),
                s.favouritesCount(),
                quoting.quotesCount(),
                s.repliesCount(),
                reblogWrapper ? null : s.url(),
                s.inReplyToId() == null ? null : Long.toString(s.inReplyToId()),
                s.inReplyToAccountId() == null ? null : Long.toString(s.inReplyToAccountId()),
                reblog,
                v.poll() == null ? null : poll(v.poll()),
                null,
                reblogWrapper ? null : s.language(),
                withSource && !reblogWrapper ? s.text() : null,
                s.editedAt(),
                quote(quoting.quote(), nested),
                new QuoteApprovalEntity(QuotePolicy.keys(quoting.policy(), true),
                        QuotePolicy.keys(quoting.policy(), false), quoting.currentUser()),
                marks == null ? null : marks.favourited(),
                marks == null ? null : marks.reblogged(),
                marks == null ? null : marks.muted(),
                marks == null ? null : marks.bookmarked(),
                marks == null ? null : marks.pinned(),
                marks == null ? null : v.filtered().isEmpty() ? List.of()
                        : v.filtered().stream().map(StatusApiMapper::filterResult).toList());
    }

    /**
     * A boost's favourited/reblogged/bookmarked/muted describe the boosted status (Mastodon's
     * {@code Account#reblogged?} looks at {@code status.proper}); pinned stays the wrapper's own.
     */
    private static StatusView.Marks proper(StatusView v) {
        StatusView.Marks own = v.viewer();
        StatusView.Marks inner = v.reblog() == null ? null : v.reblog().viewer();
        if (own == null || inner == null) {
            return own;
        }
        return new StatusView.Marks(inner.favourited(), inner.reblogged(), inner.bookmarked(), inner.muted(),
                own.pinned());
    }

    /** A Quote with the full quoted status at the top level, a ShallowQuote inside a quote; null without one. */
    private StatusEntity.AnyQuote quote(StatusView.QuoteView q, boolean nested) {
        if (q == null) {
            return null;
        }
        if (nested) {
            return new ShallowQuoteEntity(q.state(), q.quoted() == null ? null : Long.toString(q.quotedStatusId()));
        }
        return new QuoteEntity(q.state(), q.quoted() == null ? null : toApi(q.quoted(), false, true));
    }

    private MentionEntity mention(Account a) {
        return new MentionEntity(Long.toString(a.id()), a.username(), a.url() != null ? a.url() : a.uri(), a.acct());
    }

    public PollEntity poll(StatusView.PollView view) {
        Poll p = view.poll();
        boolean showTotals = !p.hideTotals() || view.expired();
        List<PollEntity.Option> options = new java.util.ArrayList<>();
        for (int i = 0; i < p.options().size(); i++) {
            options.add(new PollEntity.Option(p.options().get(i), showTotals ? p.counts().get(i) : null));
        }
        return new PollEntity(Long.toString(p.id()), p.expiresAt(), view.expired(), p.multiple(),
                p.votesCount(), p.multiple() ? Integer.valueOf(p.votersCount()) : null, options, List.of(),
                view.voted(), view.ownVotes());
    }

    static FilterResultEntity filterResult(StatusView.FilterMatch m) {
        return new FilterResultEntity(new FilterEntity(Long.toString(m.filterId()), m.title(), m.contexts(),
                m.expiresAt(), m.action(), null, null),
                m.keywordMatches().isEmpty() ? null : m.keywordMatches(),
                m.statusMatches().isEmpty() ? null : m.statusMatches());
    }
}
