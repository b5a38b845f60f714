package social.starling.service.interaction;

import social.starling.db.ConversationMuteRepository;
import social.starling.db.Database;
import social.starling.errors.UnprocessableException;
import social.starling.model.view.StatusView;
import social.starling.service.status.StatusViews;

/**
 * {@code POST /api/v1/statuses/:id/mute} and {@code /unmute}: mute the thread (conversation) a status belongs to,
 * so that nothing about its statuses notifies the caller (NotifyService checks it) and the statuses show
 * {@code muted: true}. Idempotent. A reblog shares its original's thread. Mastodon's docs say one must take part in
 * the thread; its code (Statuses::MutesController) does not check that, and neither does this.
 */
public final class ConversationMuteService {
    private final Database db;
    private final ConversationMuteRepository mutes;
    private final StatusViews views;

    public ConversationMuteService(Database db, ConversationMuteRepository mutes, StatusViews views) {
        this.db = db;
        this.mutes = mutes;
        this.views = views;
    }

    public StatusView mute(long accountId, long statusId) {
        long conversation = conversationOf(Targets.visible(views, statusId, accountId));
        db.inTransaction(tx -> {
            mutes.add(tx, accountId, conversation);
            return null;
        });
        return Targets.visible(views, statusId, accountId);
    }

    public StatusView unmute(long accountId, long statusId) {
        long conversation = conversationOf(Targets.visible(views, statusId, accountId));
        db.inTransaction(tx -> {
            mutes.remove(tx, accountId, conversation);
            return null;
        });
        return Targets.visible(views, statusId, accountId);
    }

    /** The thread of the shown content; Mastodon answers 422 for a status without one (a ValidationError). */
    private static long conversationOf(StatusView view) {
        Long id = Targets.content(view).conversationId();
        if (id == null) {
            throw new UnprocessableException("Validation failed: This post is not part of a conversation");
        }
        return id;
    }
}
