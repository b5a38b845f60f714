package social.starling.service.notification;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import social.starling.db.Database;
import social.starling.db.NotificationPolicyRepository;
import social.starling.errors.UnprocessableException;
import social.starling.model.NotificationPolicy;
import social.starling.model.NotificationPolicy.Action;

/**
 * Each person's notification policy (Mastodon 4.3's NotificationPolicy): read it (the defaults until they change
 * it) and change some of its values. NotifyService applies it (NotificationPolicyRules).
 */
public final class NotificationPolicyService {
    /** The attribute names of API v2, in Mastodon's order, with their names in validation messages. */
    public static final Map<String, String> ATTRIBUTES = new LinkedHashMap<>();

    static {
        ATTRIBUTES.put("for_not_following", "For not following");
        ATTRIBUTES.put("for_not_followers", "For not followers");
        ATTRIBUTES.put("for_new_accounts", "For new accounts");
        ATTRIBUTES.put("for_private_mentions", "For private mentions");
        ATTRIBUTES.put("for_limited_accounts", "For limited accounts");
        ATTRIBUTES.put("for_bots", "For bots");
    }

    private final Database db;
    private final NotificationPolicyRepository policies;
    private final Clock clock;

    public NotificationPolicyService(Database db, NotificationPolicyRepository policies, Clock clock) {
        this.db = db;
        this.policies = policies;
        this.clock = clock;
    }

    public NotificationPolicy get(long accountId) {
        return db.read(tx -> policies.find(tx, accountId)).orElse(NotificationPolicy.DEFAULT);
    }

    /**
     * Changes the values given (by v2 attribute name: {@code accept}, {@code filter} or {@code drop}); names not in
     * {@link #ATTRIBUTES} are ignored, as Rails' permit does. Any bad value is a 422 and nothing is stored.
     */
    public NotificationPolicy update(long accountId, Map<String, String> changes) {
        Map<String, Action> parsed = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : changes.entrySet()) {
            String label = ATTRIBUTES.get(e.getKey());
            if (label == null) {
                continue;
            }
            String value = e.getValue() == null ? "" : e.getValue().trim();
            parsed.put(e.getKey(), Action.parse(value).orElseThrow(() ->
                    new UnprocessableException("Validation failed: " + label + " is not included in the list")));
        }
        return db.inTransaction(tx -> {
            NotificationPolicy p = policies.find(tx, accountId).orElse(NotificationPolicy.DEFAULT);
            NotificationPolicy updated = new NotificationPolicy(
                    parsed.getOrDefault("for_not_following", p.forNotFollowing()),
                    parsed.getOrDefault("for_not_followers", p.forNotFollowers()),
                    parsed.getOrDefault("for_new_accounts", p.forNewAccounts()),
                    parsed.getOrDefault("for_private_mentions", p.forPrivateMentions()),
                    parsed.getOrDefault("for_limited_accounts", p.forLimitedAccounts()),
                    parsed.getOrDefault("for_bots", p.forBots()));
            policies.save(tx, accountId, updated, clock.instant());
            return updated;
        });
    }
}
