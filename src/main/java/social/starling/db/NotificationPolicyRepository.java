package social.starling.db;

import static social.starling.db.schema.Tables.NOTIFICATION_POLICIES;

import java.time.Instant;
import java.util.Optional;
import org.jooq.Record;
import social.starling.model.NotificationPolicy;
import social.starling.model.NotificationPolicy.Action;

/** Each person's notification policy (table {@code notification_policies}); no row means the defaults. */
public final class NotificationPolicyRepository {

    public Optional<NotificationPolicy> find(Tx tx, long accountId) {
        return tx.dsl().selectFrom(NOTIFICATION_POLICIES).where(NOTIFICATION_POLICIES.ACCOUNT_ID.eq(accountId))
                .fetchOptional(NotificationPolicyRepository::toPolicy);
    }

    public void save(Tx tx, long accountId, NotificationPolicy p, Instant now) {
        var t = NOTIFICATION_POLICIES;
        tx.dsl().insertInto(t)
                .set(t.ACCOUNT_ID, accountId)
                .set(t.FOR_NOT_FOLLOWING, p.forNotFollowing().wireName())
                .set(t.FOR_NOT_FOLLOWERS, p.forNotFollowers().wireName())
                .set(t.FOR_NEW_ACCOUNTS, p.forNewAccounts().wireName())
                .set(t.FOR_PRIVATE_MENTIONS, p.forPrivateMentions().wireName())
                .set(t.FOR_LIMITED_ACCOUNTS, p.forLimitedAccounts().wireName())
                .set(t.FOR_BOTS, p.forBots().wireName())
                .set(t.UPDATED_AT, now)
                .onConflict(t.ACCOUNT_ID).doUpdate()
                .set(t.FOR_NOT_FOLLOWING, p.forNotFollowing().wireName())
                .set(t.FOR_NOT_FOLLOWERS, p.forNotFollowers().wireName())
                .set(t.FOR_NEW_ACCOUNTS, p.forNewAccounts().wireName())
                .set(t.FOR_PRIVATE_MENTIONS, p.forPrivateMentions().wireName())
                .set(t.FOR_LIMITED_ACCOUNTS, p.forLimitedAccounts().wireName())
                .set(t.FOR_BOTS, p.forBots().wireName())
                .set(t.UPDATED_AT, now)
                .execute();
    }

    private static NotificationPolicy toPolicy(Record r) {
        var t = NOTIFICATION_POLICIES;
        return new NotificationPolicy(action(r.get(t.FOR_NOT_FOLLOWING)), action(r.get(t.FOR_NOT_FOLLOWERS)),
                action(r.get(t.FOR_NEW_ACCOUNTS)), action(r.get(t.FOR_PRIVATE_MENTIONS)),
                action(r.get(t.FOR_LIMITED_ACCOUNTS)), action(r.get(t.FOR_BOTS)));
    }

    /** A value this version does not know reads as accept, the default. */
    private static Action action(String raw) {
        return Action.parse(raw).orElse(Action.ACCEPT);
    }
}
