package social.starling.db;

import static social.starling.db.schema.Tables.CONVERSATION_MUTES;

/** Muted threads (Mastodon's conversation mutes): one row per (account, conversation). */
public final class ConversationMuteRepository {

    /** Mutes the thread unless it is muted already. */
    public void add(Tx tx, long accountId, long conversationId) {
        tx.dsl().insertInto(CONVERSATION_MUTES)
                .set(CONVERSATION_MUTES.ACCOUNT_ID, accountId)
                .set(CONVERSATION_MUTES.CONVERSATION_ID, conversationId)
                .onConflictDoNothing()
                .execute();
    }

    public void remove(Tx tx, long accountId, long conversationId) {
        tx.dsl().deleteFrom(CONVERSATION_MUTES).where(CONVERSATION_MUTES.ACCOUNT_ID.eq(accountId))
                .and(CONVERSATION_MUTES.CONVERSATION_ID.eq(conversationId)).execute();
    }
}
