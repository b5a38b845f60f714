package social.starling.model;

import java.util.Locale;
import java.util.Optional;

/**
 * What a person wants done with notifications from each kind of sender (Mastodon's NotificationPolicy, 4.3):
 * accept them, filter them into notification requests, or drop them.
 */
public record NotificationPolicy(Action forNotFollowing, Action forNotFollowers, Action forNewAccounts,
                                 Action forPrivateMentions, Action forLimitedAccounts, Action forBots) {

    /**
     * Mastodon's defaults (4.3+): private mentions from people one does not follow (other than answers to one's
     * own private mention of them) and notifications from limited accounts are filtered into requests; the rest is
     * accepted.
     */
    public static final NotificationPolicy DEFAULT = new NotificationPolicy(Action.ACCEPT, Action.ACCEPT,
            Action.ACCEPT, Action.FILTER, Action.FILTER, Action.ACCEPT);

    public enum Action {
        ACCEPT, FILTER, DROP;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Action> parse(String value) {
            for (Action a : values()) {
                if (a.wireName().equals(value)) {
                    return Optional.of(a);
                }
            }
            return Optional.empty();
        }
    }
}
