package social.starling.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who may quote a status, as Mastodon stores it ({@code statuses.quote_approval_policy}): InteractionPolicy flags,
 * the automatically approved ones in the upper 16 bits and the manually approved ones in the lower 16.
 */
public final class QuotePolicy {
    public static final int UNSUPPORTED_POLICY = 1;
    public static final int PUBLIC = 1 << 1;
    public static final int FOLLOWERS = 1 << 2;
    public static final int FOLLOWING = 1 << 3;
    public static final int NOBODY = 0;

    /** What the policy means for one would-be quoter (Mastodon's quote_policy_for_account). */
    public enum ForAccount {
        AUTOMATIC, MANUAL, UNKNOWN, DENIED;

        /** Made once: a status's entity holds it, and the JSON memo compares an equal string char by char. */
        private final String wireName = name().toLowerCase(java.util.Locale.ROOT);

        public String wireName() {
            return wireName;
        }
    }

    private QuotePolicy() {
    }

    /**
     * The stored value for a policy named in the API ({@code public}, {@code followers}, {@code nobody}), all
     * automatic, as Mastodon's Api::InteractionPoliciesConcern; empty for any other name.
     */
    public static Optional<Integer> fromApi(String name) {
        return switch (name) {
            case "public" -> Optional.of(PUBLIC << 16);
            case "followers" -> Optional.of(FOLLOWERS << 16);
            case "nobody" -> Optional.of(NOBODY);
            default -> Optional.empty();
        };
    }

    /** The policy a status is stored with: Mastodon downgrades local private and direct posts to nobody. */
    public static int forVisibility(int policy, Visibility visibility) {
        return visibility == Visibility.PUBLIC || visibility == Visibility.UNLISTED ? policy : NOBODY;
    }

    /** The flag names of the automatic or manual half, as QuoteApproval's {@code automatic} / {@code manual}. */
    public static List<String> keys(int policy, boolean automatic) {
        int half = (automatic ? policy >>> 16 : policy & 0xFFFF) & (UNSUPPORTED_POLICY | PUBLIC | FOLLOWERS | FOLLOWING);
        return KEYS.computeIfAbsent(half, QuotePolicy::keysOf);
    }

    /** One immutable list per combination: every status shares it (a page's JSON memo compares them). */
    private static final java.util.Map<Integer, List<String>> KEYS = new java.util.concurrent.ConcurrentHashMap<>();

    private static List<String> keysOf(int half) {
        List<String> out = new ArrayList<>();
        if ((half & UNSUPPORTED_POLICY) != 0) {
            out.add("unsupported_policy");
        }
        if ((half & PUBLIC) != 0) {
            out.add("public");
        }
        if ((half & FOLLOWERS) != 0) {
            out.add("followers");
        }
        if ((half & FOLLOWING) != 0) {
            out.add("following");
        }
        return List.copyOf(out);
    }

    /**
     * Mastodon's Status#quote_policy_for_account for the quoted status {@code s} and a would-be quoter.
     *
     * @param viewerId             the would-be quoter, null for a visitor (always denied)
     * @param viewerFollowsAuthor  whether the would-be quoter follows the status's author
     * @param authorFollowsViewer  whether the status's author follows the would-be quoter
     */
    public static ForAccount forAccount(Status s, int policy, Long viewerId, boolean viewerFollowsAuthor,
                                        boolean authorFollowsViewer) {
        if (viewerId == null || s.visibility() == Visibility.DIRECT || s.isReblog()) {
            return ForAccount.DENIED;
        }
        if (s.accountId() == viewerId) {
            return ForAccount.AUTOMATIC; // the author may always quote themselves
        }
        if (s.visibility() == Visibility.PRIVATE) {
            return ForAccount.DENIED; // only public and unlisted posts are "distributable"
        }
        int automatic = policy >>> 16;
        int manual = policy & 0xFFFF;
        if (allows(automatic, viewerFollowsAuthor, authorFollowsViewer)) {
            return ForAccount.AUTOMATIC;
        }
        if (allows(manual, viewerFollowsAuthor, authorFollowsViewer)) {
            return ForAccount.MANUAL;
        }
        if (((automatic | manual) & UNSUPPORTED_POLICY) != 0) {
            return ForAccount.UNKNOWN;
        }
        return ForAccount.DENIED;
    }

    private static boolean allows(int half, boolean viewerFollowsAuthor, boolean authorFollowsViewer) {
        return (half & PUBLIC) != 0 || (half & FOLLOWERS) != 0 && viewerFollowsAuthor
                || (half & FOLLOWING) != 0 && authorFollowsViewer;
    }
}
