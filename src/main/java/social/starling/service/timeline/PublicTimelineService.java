package social.starling.service.timeline;

import static social.starling.db.schema.Tables.ACCOUNTS;
import static social.starling.db.schema.Tables.STATUSES;

import java.util.List;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import social.starling.db.Database;
import social.starling.model.Page;
import social.starling.model.view.StatusView;
import social.starling.service.status.StatusViews;

/**
 * The public timelines (Mastodon's PublicFeed): public statuses, no reblogs, no replies to others (a thread by one
 * author stays), optionally only local or only remote ones; what the viewer mutes or blocks is left out.
 */
public final class PublicTimelineService {
    public enum Scope { ALL, LOCAL, REMOTE }

    private final Database db;
    private final StatusViews views;

    public PublicTimelineService(Database db, StatusViews views) {
        this.db = db;
        this.views = views;
    }

    public List<StatusView> timeline(Long viewerId, Scope scope, boolean onlyMedia, Page page) {
        if (onlyMedia) {
            return List.of(); // media attachments are not part of Starling yet, so nothing qualifies
        }
        // Over-fetch a little: statuses the viewer mutes or blocks are dropped after loading.
        Page wider = new Page(page.maxId(), page.sinceId(), page.minId(), Math.min(page.limit() * 2, 80));
        List<Long> ids = db.read(tx -> {
            Condition c = STATUSES.VISIBILITY.eq("public").and(STATUSES.REBLOG_OF_ID.isNull())
                    .and(STATUSES.IN_REPLY_TO_ID.isNull().or(STATUSES.IN_REPLY_TO_ACCOUNT_ID.eq(STATUSES.ACCOUNT_ID)))
                    .and(DSL.notExists(DSL.selectOne().from(ACCOUNTS).where(ACCOUNTS.ID.eq(STATUSES.ACCOUNT_ID))
                            .and(ACCOUNTS.SUSPENDED_AT.isNotNull().or(ACCOUNTS.SILENCED_AT.isNotNull()))));
            if (scope == Scope.LOCAL) {
                c = c.and(STATUSES.LOCAL.isTrue());
            } else if (scope == Scope.REMOTE) {
                c = c.and(STATUSES.LOCAL.isFalse());
            }
            var q = tx.dsl().select(STATUSES.ID).from(STATUSES).where(c);
            return social.starling.db.Paging.fetch(q, STATUSES.ID, wider).stream().map(r -> r.value1()).toList();
        });
        List<StatusView> loaded = views.load(ids, viewerId, StatusViews.Mode.FEED, "public");
        return loaded.size() > page.limit() ? (page.ascending()
                ? loaded.subList(loaded.size() - page.limit(), loaded.size())
                : loaded.subList(0, page.limit())) : loaded;
    }
}
