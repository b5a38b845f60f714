package social.starling.db;

import static social.starling.db.schema.Tables.NOTIFICATIONS;
import static social.starling.db.schema.Tables.OAUTH_ACCESS_TOKENS;
import static social.starling.db.schema.Tables.PUSH_SUBSCRIPTIONS;
import static social.starling.db.schema.Tables.VAPID_KEYS;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.Record;
import social.starling.model.Notification;
import social.starling.model.PushSubscription;

/**
 * Web Push subscriptions (table {@code push_subscriptions}, one per access token) and the server's VAPID key pair
 * (table {@code vapid_keys}, one row).
 */
public final class PushSubscriptionRepository {
    private static final long VAPID_ROW = 1;

    /** The stored VAPID pair: the uncompressed public point and the private scalar, base64url. */
    public record StoredVapidKey(String publicKey, String privateKey) {
    }

    /** Stores {@code s} in place of the token's previous subscription, if any. */
    public void replace(Tx tx, PushSubscription s) {
        var t = PUSH_SUBSCRIPTIONS;
        tx.dsl().deleteFrom(t).where(t.ACCESS_TOKEN_ID.eq(s.accessTokenId())).execute();
        tx.dsl().insertInto(t)
                .set(t.ID, s.id())
                .set(t.ACCESS_TOKEN_ID, s.accessTokenId())
                .set(t.ACCOUNT_ID, s.accountId())
                .set(t.ENDPOINT, s.endpoint())
                .set(t.KEY_P256DH, s.p256dh())
                .set(t.KEY_AUTH, s.auth())
                .set(t.STANDARD, s.standard())
                .set(t.ALERTS, String.join(",", s.alerts()))
                .set(t.POLICY, s.policy())
                .set(t.ACCESS_TOKEN, s.accessToken())
                .set(t.CREATED_AT, s.createdAt())
                .set(t.UPDATED_AT, s.updatedAt())
                .execute();
    }

    public Optional<PushSubscription> findByToken(Tx tx, long accessTokenId) {
        return tx.dsl().selectFrom(PUSH_SUBSCRIPTIONS).where(PUSH_SUBSCRIPTIONS.ACCESS_TOKEN_ID.eq(accessTokenId))
                .fetchOptional(PushSubscriptionRepository::toSubscription);
    }

    /** The subscription, if it exists and its token is not revoked. */
    public Optional<PushSubscription> findLive(Tx tx, long id) {
        return tx.dsl().select(PUSH_SUBSCRIPTIONS.fields()).from(PUSH_SUBSCRIPTIONS)
                .join(OAUTH_ACCESS_TOKENS).on(OAUTH_ACCESS_TOKENS.ID.eq(PUSH_SUBSCRIPTIONS.ACCESS_TOKEN_ID))
                .where(PUSH_SUBSCRIPTIONS.ID.eq(id)).and(OAUTH_ACCESS_TOKENS.REVOKED_AT.isNull())
                .fetchOptional(PushSubscriptionRepository::toSubscription);
    }

    /** Whether the account has any subscription (revoked tokens' included): the cheap first question. */
    public boolean anyForAccount(Tx tx, long accountId) {
        return tx.dsl().fetchExists(PUSH_SUBSCRIPTIONS, PUSH_SUBSCRIPTIONS.ACCOUNT_ID.eq(accountId));
    }

    /** The account's subscriptions whose tokens are not revoked. */
    public List<PushSubscription> liveForAccount(Tx tx, long accountId) {
        return tx.dsl().select(PUSH_SUBSCRIPTIONS.fields()).from(PUSH_SUBSCRIPTIONS)
                .join(OAUTH_ACCESS_TOKENS).on(OAUTH_ACCESS_TOKENS.ID.eq(PUSH_SUBSCRIPTIONS.ACCESS_TOKEN_ID))
                .where(PUSH_SUBSCRIPTIONS.ACCOUNT_ID.eq(accountId)).and(OAUTH_ACCESS_TOKENS.REVOKED_AT.isNull())
                .orderBy(PUSH_SUBSCRIPTIONS.ID)
                .fetch(PushSubscriptionRepository::toSubscription);
    }

    /** Deletes the account's subscriptions made with tokens since revoked; returns how many. */
    public int deleteRevoked(Tx tx, long accountId) {
        return tx.dsl().deleteFrom(PUSH_SUBSCRIPTIONS).where(PUSH_SUBSCRIPTIONS.ACCOUNT_ID.eq(accountId))
                .and(PUSH_SUBSCRIPTIONS.ACCESS_TOKEN_ID.in(tx.dsl().select(OAUTH_ACCESS_TOKENS.ID)
                        .from(OAUTH_ACCESS_TOKENS).where(OAUTH_ACCESS_TOKENS.ACCOUNT_ID.eq(accountId))
                        .and(OAUTH_ACCESS_TOKENS.REVOKED_AT.isNotNull())))
                .execute();
    }

    public void updateData(Tx tx, long id, Set<String> alerts, String policy, Instant now) {
        tx.dsl().update(PUSH_SUBSCRIPTIONS)
                .set(PUSH_SUBSCRIPTIONS.ALERTS, String.join(",", alerts))
                .set(PUSH_SUBSCRIPTIONS.POLICY, policy)
                .set(PUSH_SUBSCRIPTIONS.UPDATED_AT, now)
                .where(PUSH_SUBSCRIPTIONS.ID.eq(id)).execute();
    }

    public int deleteByToken(Tx tx, long accessTokenId) {
        return tx.dsl().deleteFrom(PUSH_SUBSCRIPTIONS).where(PUSH_SUBSCRIPTIONS.ACCESS_TOKEN_ID.eq(accessTokenId))
                .execute();
    }

    public int delete(Tx tx, long id) {
        return tx.dsl().deleteFrom(PUSH_SUBSCRIPTIONS).where(PUSH_SUBSCRIPTIONS.ID.eq(id)).execute();
    }

    /** A notification by id alone (the push job's; it is about one recipient already). */
    public Optional<Notification> notification(Tx tx, long id) {
        return tx.dsl().select(NOTIFICATIONS.fields()).from(NOTIFICATIONS).where(NOTIFICATIONS.ID.eq(id))
                .fetchOptional(NotificationRepository::toNotification);
    }

    public Optional<StoredVapidKey> vapidKey(Tx tx) {
        return tx.dsl().selectFrom(VAPID_KEYS).where(VAPID_KEYS.ID.eq(VAPID_ROW))
                .fetchOptional(r -> new StoredVapidKey(r.getPublicKey(), r.getPrivateKey()));
    }

    /** Stores the pair unless one is stored already (another node made it first); the caller reads back. */
    public void insertVapidKeyIfAbsent(Tx tx, StoredVapidKey key, Instant now) {
        tx.dsl().insertInto(VAPID_KEYS)
                .set(VAPID_KEYS.ID, VAPID_ROW)
                .set(VAPID_KEYS.PUBLIC_KEY, key.publicKey())
                .set(VAPID_KEYS.PRIVATE_KEY, key.privateKey())
                .set(VAPID_KEYS.CREATED_AT, now)
                .onConflictDoNothing()
                .execute();
    }

    private static PushSubscription toSubscription(Record r) {
        var t = PUSH_SUBSCRIPTIONS;
        String alerts = r.get(t.ALERTS);
        Set<String> enabled = alerts == null || alerts.isEmpty() ? Set.of()
                : new LinkedHashSet<>(Arrays.asList(alerts.split(",")));
        return new PushSubscription(r.get(t.ID), r.get(t.ACCESS_TOKEN_ID), r.get(t.ACCOUNT_ID), r.get(t.ENDPOINT),
                r.get(t.KEY_P256DH), r.get(t.KEY_AUTH), Boolean.TRUE.equals(r.get(t.STANDARD)), enabled,
                r.get(t.POLICY), r.get(t.ACCESS_TOKEN), r.get(t.CREATED_AT), r.get(t.UPDATED_AT));
    }
}
