package social.starling.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import social.starling.convert.AccountApiMapper;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.PushSubscriptionRepository;
import social.starling.db.StatusRepository;
import social.starling.db.UserRepository;
import social.starling.federation.fetch.FetchException;
import social.starling.federation.fetch.FetchException.Reason;
import social.starling.federation.fetch.RemoteFetcher;
import social.starling.jobs.JobContext;
import social.starling.model.Account;
import social.starling.model.Notification;
import social.starling.model.PushSubscription;
import social.starling.model.Status;
import social.starling.model.User;
import social.starling.service.push.P256;
import social.starling.service.push.PushNotifier;
import social.starling.service.push.PushNotifier.WebPushJob;

/**
 * Sends one notification to one Web Push subscription (Mastodon's Web::PushNotificationWorker): the
 * {@link WebPushMessage} JSON, encrypted for the subscription ({@link WebPushEncryption}), POSTed to its endpoint
 * through the one SSRF-guarded outbound client with {@code TTL: 172800} (48 hours), {@code Urgency: normal} and
 * VAPID ({@link Vapid}). A subscription made with {@code subscription[standard]} gets RFC 8291 {@code aes128gcm}
 * and {@code Authorization: vapid t=..., k=...}; one made without it gets what Mastodon sends it, the legacy
 * {@code aesgcm} draft with {@code Encryption}, {@code Crypto-Key: dh=...;p256ecdsa=...} and
 * {@code Authorization: WebPush <JWT>}, which apps written before Mastodon 4.4 decrypt.
 *
 * <ul>
 *   <li>Nothing is sent when the subscription is gone (or its token revoked), the notification is gone or
 *       filtered, its status was deleted, it is older than the TTL, or the subscription no longer wants it.</li>
 *   <li>2xx: done. 4xx other than 408 and 429 (404 and 410 above all: RFC 8030 §7.3, the subscription expired):
 *       the subscription is invalid and is deleted, as Mastodon does.</li>
 *   <li>408, 429, 5xx, network errors and timeouts: thrown, so the job queue retries with its backoff
 *       ({@link PushNotifier#JOB}).</li>
 *   <li>An endpoint the outbound guard refuses (a private address, not http(s)): dropped, logged.</li>
 * </ul>
 */
public final class WebPushHandler {
    private static final Logger log = LoggerFactory.getLogger(WebPushHandler.class);
    static final Duration TTL = Duration.ofHours(48);
    static final String URGENCY = "normal";

    private final Database db;
    private final PushSubscriptionRepository subscriptions;
    private final AccountRepository accounts;
    private final StatusRepository statuses;
    private final UserRepository users;
    private final PushNotifier notifier;
    private final Vapid vapid;
    private final AccountApiMapper accountApi;
    private final RemoteFetcher fetcher;
    private final ObjectMapper json;
    private final Clock clock;

    public WebPushHandler(Database db, PushSubscriptionRepository subscriptions, AccountRepository accounts,
                          StatusRepository statuses, UserRepository users, PushNotifier notifier, Vapid vapid,
                          AccountApiMapper accountApi, RemoteFetcher fetcher, ObjectMapper json, Clock clock) {
        this.db = db;
        this.subscriptions = subscriptions;
        this.accounts = accounts;
        this.statuses = statuses;
        this.users = users;
        this.notifier = notifier;
        this.vapid = vapid;
        this.accountApi = accountApi;
        this.fetcher = fetcher;
        this.json = json;
        this.clock = clock;
    }

    private record Push(PushSubscription subscription, WebPushMessage message) {
    }

    public void handle(WebPushJob job, JobContext context) throws Exception {
        Instant now = clock.instant();
        Optional<Push> push = db.read(tx -> {
            Optional<PushSubscription> s = subscriptions.findLive(tx, job.subscriptionId());
            Optional<Notification> n = subscriptions.notification(tx, job.notificationId());
            if (s.isEmpty() || n.isEmpty() || n.get().filtered() || n.get().createdAt().isBefore(now.minus(TTL))
                    || !notifier.pushable(tx, s.get(), n.get())) {
                return Optional.<Push>empty();
            }
            Optional<Account> from = accounts.find(tx, n.get().fromAccountId());
            Optional<Status> status = n.get().statusId() == null ? Optional.empty()
                    : statuses.find(tx, n.get().statusId());
            if (from.isEmpty() || (n.get().statusId() != null && status.isEmpty())) {
                return Optional.<Push>empty(); // what it was about is gone (Mastodon: notification.activity.nil?)
            }
            String locale = users.find(tx, n.get().accountId()).map(User::locale).orElse(null);
            return Optional.of(new Push(s.get(), WebPushMessage.of(n.get(), s.get().accessToken(), locale,
                    from.get(), status, accountApi.avatarUrl(from.get()))));
        });
        if (push.isEmpty()) {
            return;
        }
        send(push.get(), now);
    }

    private void send(Push push, Instant now) throws Exception {
        PushSubscription s = push.subscription();
        URI endpoint;
        byte[] body;
        Map<String, String> headers = new LinkedHashMap<>();
        try {
            endpoint = URI.create(s.endpoint());
            byte[] plaintext = json.writeValueAsBytes(push.message());
            byte[] uaPublic = P256.decodeBase64(s.p256dh());
            byte[] auth = P256.decodeBase64(s.auth());
            if (s.standard()) {
                body = WebPushEncryption.encrypt(plaintext, uaPublic, auth);
                headers.put("Content-Encoding", "aes128gcm");
                headers.put("Authorization", vapid.authorization(endpoint, now));
            } else {
                // Mastodon's legacy path for subscriptions made without subscription[standard] (4.4.0).
                WebPushEncryption.Legacy legacy = WebPushEncryption.encryptLegacy(plaintext, uaPublic, auth);
                body = legacy.body();
                headers.put("Content-Encoding", "aesgcm");
                headers.put("Encryption", "salt=" + P256.base64Url(legacy.salt()));
                headers.put("Crypto-Key", "dh=" + P256.base64Url(legacy.senderPublic()) + ";" + vapid.cryptoKey());
                headers.put("Authorization", vapid.legacyAuthorization(endpoint, now));
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            log.warn("web push to subscription {}: cannot encrypt ({}); dropped", s.id(), e.getMessage());
            return;
        }
        headers.put("Content-Type", "application/octet-stream");
        headers.put("TTL", Long.toString(TTL.toSeconds()));
        headers.put("Urgency", URGENCY);
        try {
            fetcher.post(endpoint, headers, body);
        } catch (FetchException e) {
            int status = e.status().orElse(0);
            if (e.reason() == Reason.HTTP_STATUS && status >= 400 && status < 500 && status != 408 && status != 429) {
                log.info("web push to subscription {} answered {}: the subscription is deleted", s.id(), status);
                db.inTransaction(tx -> subscriptions.delete(tx, s.id()));
                return;
            }
            if (e.reason() == Reason.BAD_URL || e.reason() == Reason.REFUSED_ADDRESS) {
                log.warn("web push to subscription {} can never be sent ({}); dropped", s.id(), e.getMessage());
                return;
            }
            throw e; // 408, 429, 5xx, network, timeout: the queue retries with backoff
        }
    }
}
