package social.starling.service.timeline;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import social.starling.db.AccountRepository;
import social.starling.db.AccountStatusRepository;
import social.starling.db.Database;
import social.starling.db.RelationshipRepository;
import social.starling.db.TagRepository;
import social.starling.errors.NotFoundException;
import social.starling.model.Account;
import social.starling.model.Page;
import social.starling.model.Visibility;
import social.starling.model.view.StatusView;
import social.starling.service.visibility.Relations;
import social.starling.service.visibility.RelationsCache;
import social.starling.service.status.StatusFilterer;
import social.starling.service.status.StatusViews;

/**
 * {@code GET /api/v1/accounts/:id/statuses}, as Mastodon's AccountStatusesFilter: visitors see public and unlisted
 * statuses; signed-in people also the private ones if they follow the account, and any that mention them; the
 * author sees everything. Nothing when either blocks the other (or the viewer blocks the author's domain), or when
 * the account is suspended. Options: {@code pinned} (the pins, most recent first), {@code exclude_replies}
 * (replies to others; self-replies stay), {@code exclude_reblogs}, {@code tagged}, {@code only_media} (no media
 * yet, so nothing). Reblogs of accounts the viewer blocks or mutes are left out, and so is what a "hide" filter for
 * the account context matches.
 */
public final class AccountStatusesService {
    public record Options(boolean pinned, boolean onlyMedia, boolean excludeReplies, boolean excludeReblogs,
                          String tagged) {
    }

    /** The statuses to show, and the ids of the page as fetched (for the Link header). */
    public record Result(List<StatusView> statuses, List<Long> pageIds) {
        static final Result EMPTY = new Result(List.of(), List.of());
    }

    private final Database db;
    private final AccountRepository accounts;
    private final AccountStatusRepository accountStatuses;
    private final RelationshipRepository relationships;
    private final TagRepository tags;
    private final RelationsCache relations;
    private final StatusViews views;

    public AccountStatusesService(Database db, AccountRepository accounts, AccountStatusRepository accountStatuses,
                                  RelationshipRepository relationships, TagRepository tags, RelationsCache relations,
                                  StatusViews views) {
        this.db = db;
        this.accounts = accounts;
        this.accountStatuses = accountStatuses;
        this.relationships = relationships;
        this.tags = tags;
        this.relations = relations;
        this.views = views;
    }

    public Result statuses(long accountId, Long viewerId, Options options, Page page) {
        Account account = db.read(tx -> accounts.find(tx, accountId))
                .filter(a -> !(a.isLocal() && "Application".equals(a.actorType())))
                .orElseThrow(() -> new NotFoundException("Record not found"));
        Relations rel = relations.of(viewerId);
        boolean self = viewerId != null && viewerId == accountId;
        if (account.suspended() || options.onlyMedia() || !self && viewerId != null
                && (rel.blockedEitherWay(accountId) || rel.blocksDomain(account.domain()))) {
            return Result.EMPTY;
        }
        List<Long> ids = db.read(tx -> {
            Long tagId = null;
            if (options.tagged() != null && !options.tagged().isBlank()) {
                Optional<TagRepository.Tag> tag = tags.find(tx, options.tagged().strip().replaceFirst("^#", ""));
                if (tag.isEmpty()) {
                    return List.<Long>of();
                }
                tagId = tag.get().id();
            }
            Set<Visibility> visible = self ? EnumSet.allOf(Visibility.class)
                    : viewerId != null && relationships.follows(tx, viewerId, accountId)
                    ? EnumSet.of(Visibility.PUBLIC, Visibility.UNLISTED, Visibility.PRIVATE)
                    : EnumSet.of(Visibility.PUBLIC, Visibility.UNLISTED);
            var query = new AccountStatusRepository.Query(visible, self ? null : viewerId, options.excludeReplies(),
                    options.excludeReblogs(), tagId);
            return options.pinned() ? accountStatuses.pinned(tx, accountId, query, page)
                    : accountStatuses.page(tx, accountId, query, page);
        });
        List<StatusView> shown = new ArrayList<>();
        for (StatusView v : views.load(ids, viewerId, StatusViews.Mode.SHOW, "account")) {
            StatusView content = v.reblog() != null ? v.reblog() : v;
            boolean excludedReblog = v.reblog() != null && viewerId != null
                    && content.status().accountId() != viewerId && rel.mutes(content.status().accountId());
            if (!excludedReblog && !StatusFilterer.hides(content.filtered())) {
                shown.add(v);
            }
        }
        return new Result(shown, ids);
    }
}
