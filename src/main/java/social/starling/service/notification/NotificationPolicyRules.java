package social.starling.service.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import social.starling.db.NotificationPolicyRepository;
import social.starling.db.NotificationRequestRepository;
import social.starling.db.RelationshipRepository;
import social.starling.db.StatusRepository;
import social.starling.db.Tx;
import social.starling.db.UserRepository;
import social.starling.model.Account;
import social.starling.model.Follow;
import social.starling.model.NotificationPolicy;
import social.starling.model.NotificationPolicy.Action;
import social.starling.model.NotificationType;
import social.starling.model.Role;
import social.starling.model.Status;
import social.starling.model.User;
import social.starling.model.Visibility;

/**
 * What the recipient's notification policy does with a notification that passed the other rules (Mastodon 4.3+,
 * NotifyService's DropCondition and FilterCondition). Only some types can be filtered (mention, reblog, follow,
 * follow_request, favourite: Notification::PROPERTIES); status, poll and update never are. A sender the recipient
 * accepted (a notification permission) is never filtered, nor is a mention from staff of a higher role. Otherwise
 * each condition that holds contributes its policy value, and the strictest wins (drop over filter over accept):
 * <ul>
 *   <li>limited accounts: the sender is silenced and the recipient does not follow them;</li>
 *   <li>not following: the recipient does not follow the sender;</li>
 *   <li>not followers: the sender does not follow the recipient, or began less than 3 days ago;</li>
 *   <li>new accounts: the sender's account is under 30 days old and the recipient does not follow them;</li>
 *   <li>private mentions: a direct mention from someone the recipient does not follow, unless it answers (up the
 *       thread, at most 100 statuses) a direct status of the recipient's that mentioned the sender;</li>
 *   <li>bots (Mastodon 4.6's for_bots): the sender is a bot the recipient does not follow.</li>
 * </ul>
 */
public final class NotificationPolicyRules {
    static final Duration NEW_ACCOUNT_THRESHOLD = Duration.ofDays(30);
    static final Duration NEW_FOLLOWER_THRESHOLD = Duration.ofDays(3);
    static final int THREAD_DEPTH_LIMIT = 100;
    static final Set<NotificationType> FILTERABLE = Set.of(NotificationType.MENTION, NotificationType.REBLOG,
            NotificationType.FOLLOW, NotificationType.FOLLOW_REQUEST, NotificationType.FAVOURITE);

    private final NotificationPolicyRepository policies;
    private final NotificationRequestRepository requests;
    private final RelationshipRepository relationships;
    private final StatusRepository statuses;
    private final UserRepository users;

    public NotificationPolicyRules(NotificationPolicyRepository policies, NotificationRequestRepository requests,
                                   RelationshipRepository relationships, StatusRepository statuses,
                                   UserRepository users) {
        this.policies = policies;
        this.requests = requests;
        this.relationships = relationships;
        this.statuses = statuses;
        this.users = users;
    }

    /** accept, filter or drop, for a notification of {@code type} from {@code sender} to {@code recipientId}. */
    public Action judge(Tx tx, long recipientId, Account sender, NotificationType type, Long statusId, Instant now) {
        if (!FILTERABLE.contains(type)) {
            return Action.ACCEPT;
        }
        NotificationPolicy p = policies.find(tx, recipientId).orElse(NotificationPolicy.DEFAULT);
        // Only what could change the verdict is looked up: with the defaults, a favourite from an ordinary account
        // costs no query here.
        boolean unfollowedRuleApplies = p.forNotFollowing() != Action.ACCEPT
                || sender.silencedAt() != null && p.forLimitedAccounts() != Action.ACCEPT
                || sender.createdAt().isAfter(now.minus(NEW_ACCOUNT_THRESHOLD)) && p.forNewAccounts() != Action.ACCEPT
                || sender.bot() && p.forBots() != Action.ACCEPT
                || type == NotificationType.MENTION && statusId != null && p.forPrivateMentions() != Action.ACCEPT;
        if (!unfollowedRuleApplies && p.forNotFollowers() == Action.ACCEPT) {
            return Action.ACCEPT;
        }
        boolean notFollowing = !relationships.follows(tx, recipientId, sender.id());
        Action verdict = Action.ACCEPT;
        if (notFollowing) {
            verdict = stricter(verdict, p.forNotFollowing());
            if (sender.silencedAt() != null) {
                verdict = stricter(verdict, p.forLimitedAccounts());
            }
            if (sender.createdAt().isAfter(now.minus(NEW_ACCOUNT_THRESHOLD))) {
                verdict = stricter(verdict, p.forNewAccounts());
            }
            if (sender.bot()) {
                verdict = stricter(verdict, p.forBots());
            }
        }
        if (p.forNotFollowers() != Action.ACCEPT) {
            Follow f = relationships.followsOf(tx, sender.id(), List.of(recipientId)).get(recipientId);
            if (f == null || f.createdAt().isAfter(now.minus(NEW_FOLLOWER_THRESHOLD))) {
                verdict = stricter(verdict, p.forNotFollowers());
            }
        }
        if (notFollowing && p.forPrivateMentions() != Action.ACCEPT && type == NotificationType.MENTION
                && statusId != null && privateMentionNotInResponse(tx, recipientId, sender.id(), statusId)) {
            verdict = stricter(verdict, p.forPrivateMentions());
        }
        if (verdict != Action.ACCEPT && (requests.permitted(tx, recipientId, sender.id())
                || type == NotificationType.MENTION && fromStaff(tx, recipientId, sender))) {
            return Action.ACCEPT;
        }
        return verdict;
    }

    private static Action stricter(Action a, Action b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /** Mastodon's from_staff?: a local sender whose role is staff and above the recipient's. */
    private boolean fromStaff(Tx tx, long recipientId, Account sender) {
        if (!sender.isLocal()) {
            return false;
        }
        Optional<User> from = users.find(tx, sender.id());
        if (from.isEmpty() || !from.get().role().isStaff()) {
            return false;
        }
        Role recipientRole = users.find(tx, recipientId).map(User::role).orElse(Role.USER);
        return from.get().role().ordinal() < recipientRole.ordinal();
    }

    /**
     * A direct status that does not answer one of the recipient's own direct statuses mentioning the sender (Mastodon's
     * private_mention_not_in_response?, which walks up to 100 statuses up the thread).
     */
    private boolean privateMentionNotInResponse(Tx tx, long recipientId, long senderId, long statusId) {
        Optional<Status> status = statuses.find(tx, statusId);
        if (status.isEmpty() || status.get().visibility() != Visibility.DIRECT) {
            return false;
        }
        Long parentId = status.get().inReplyToId();
        Set<Long> seen = new HashSet<>();
        for (int depth = 0; parentId != null && depth <= THREAD_DEPTH_LIMIT && seen.add(parentId); depth++) {
            Optional<Status> parent = statuses.find(tx, parentId);
            if (parent.isEmpty()) {
                break;
            }
            Status s = parent.get();
            if (s.accountId() == recipientId && s.visibility() == Visibility.DIRECT
                    && statuses.mentions(tx, s.id(), senderId)) {
                return false;
            }
            parentId = s.inReplyToId();
        }
        return true;
    }
}
