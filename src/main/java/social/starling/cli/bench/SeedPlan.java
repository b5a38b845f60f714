package social.starling.cli.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import social.starling.model.Visibility;

/**
 * The shape of a seeded instance, generated in memory from a fixed random seed (the same options give the same
 * data): accounts, a follow graph whose follower counts fall off as a power law (the most-followed accounts are
 * followed by nearly everyone, the median account by a few dozen), and statuses spread over accounts by a second
 * power law (a few prolific posters, most people posting a few dozen times). Statuses are mostly public, with
 * unlisted, followers-only and direct ones, replies (threads and replies to others), reblogs and mentions.
 * Texts are not kept here: {@link SeedTexts} derives each status's text from its index when it is written.
 *
 * <p>Accounts and statuses are referred to by index; a status index order is its id (time) order.
 */
final class SeedPlan {
    /** Followers of the account ranked r: min(n-1, max(MIN_FOLLOWERS, 2n * r^-FOLLOWER_EXPONENT)). */
    static final double FOLLOWER_EXPONENT = 0.75;
    static final int MIN_FOLLOWERS = 5;
    /** Statuses of the poster ranked r are proportional to r^-POSTING_EXPONENT. */
    static final double POSTING_EXPONENT = 0.8;
    static final long DAY = 86_400_000L;

    final int accounts;
    final int statuses;
    final long now;
    final Random random;

    // Accounts
    final long[] accountId;
    final long[] accountCreatedAt;
    /** follows[a] = the accounts a follows (ascending). */
    final int[][] following;
    final int[] followerCount;
    /** The account with the most followers: the one the fan-out bench posts as. */
    final int mostFollowed;

    // Statuses
    final long[] statusId;
    final long[] statusCreatedAt;
    final int[] author;
    final byte[] visibility;
    /** Index of the status replied to, or -1. */
    final int[] replyTo;
    /** Index of the reblogged status, or -1. */
    final int[] reblogOf;
    /** Index of the thread's first status (its conversation). */
    final int[] conversation;
    /** Mentioned accounts of the statuses that mention someone. */
    final Map<Integer, int[]> mentions = new HashMap<>();
    final int[] repliesCount;
    final int[] reblogsCount;
    /** byAuthor[a] = a's statuses, ascending. */
    final int[][] byAuthor;

    static final Visibility[] VISIBILITIES = Visibility.values();

    SeedPlan(int accounts, int statuses, long seed, long now) {
        this.accounts = accounts;
        this.statuses = statuses;
        this.now = now;
        this.random = new Random(seed);
        this.accountId = new long[accounts];
        this.accountCreatedAt = new long[accounts];
        this.following = new int[accounts][];
        this.followerCount = new int[accounts];
        this.statusId = new long[statuses];
        this.statusCreatedAt = new long[statuses];
        this.author = new int[statuses];
        this.visibility = new byte[statuses];
        this.replyTo = new int[statuses];
        this.reblogOf = new int[statuses];
        this.conversation = new int[statuses];
        this.repliesCount = new int[statuses];
        this.reblogsCount = new int[statuses];
        planAccounts();
        this.mostFollowed = planFollows();
        planStatuses();
        this.byAuthor = indexByAuthor();
    }

    /** Accounts joined over the last two years, in id order. */
    private void planAccounts() {
        long start = now - 730 * DAY;
        long step = Math.max(1, (730 * DAY - DAY) / Math.max(1, accounts));
        for (int a = 0; a < accounts; a++) {
            long t = start + a * step + random.nextLong(Math.max(1, step / 2));
            accountCreatedAt[a] = t;
            accountId[a] = id(t, a);
        }
    }

    /** Ranks accounts at random; the one ranked r gets followers by the power law, picked uniformly. */
    private int planFollows() {
        int[] rankToAccount = permutation(accounts);
        List<Set<Integer>> out = new ArrayList<>(accounts);
        for (int a = 0; a < accounts; a++) {
            out.add(new HashSet<>());
        }
        int[] pool = permutation(accounts);
        for (int r = 1; r <= accounts; r++) {
            int target = rankToAccount[r - 1];
            int wanted = (int) Math.min(accounts - 1L, Math.max(MIN_FOLLOWERS,
                    Math.round(2.0 * accounts * Math.pow(r, -FOLLOWER_EXPONENT))));
            wanted = Math.min(wanted, accounts - 1);
            // Partial Fisher-Yates over a shared permutation: each prefix is a uniform sample.
            int taken = 0;
            for (int i = 0; taken < wanted && i < accounts; i++) {
                int j = i + random.nextInt(accounts - i);
                int tmp = pool[i];
                pool[i] = pool[j];
                pool[j] = tmp;
                if (pool[i] != target) {
                    out.get(pool[i]).add(target);
                    taken++;
                }
            }
            followerCount[target] = taken;
        }
        for (int a = 0; a < accounts; a++) {
            following[a] = out.get(a).stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        return rankToAccount[0];
    }

    /**
     * Statuses over the last 180 days, authors drawn by the posting power law. About 78 % are public, 10 % unlisted,
     * 8 % followers-only, 4 % direct (mentioning one or two people); 15 % are replies (a fifth of them to oneself),
     * 5 % reblogs of a recent public status by someone else, 10 % of public ones mention someone.
     */
    private void planStatuses() {
        double[] cumulative = postingWeights();
        int[] posterRank = permutation(accounts);
        long start = now - 180 * DAY;
        long step = Math.max(2, (180 * DAY - 60_000) / Math.max(1, statuses));
        Set<Long> reblogged = new HashSet<>();
        for (int i = 0; i < statuses; i++) {
            long t = start + i * step + random.nextLong(step / 2);
            statusCreatedAt[i] = t;
            statusId[i] = id(t, i);
            int a = posterRank[pick(cumulative)];
            author[i] = a;
            replyTo[i] = -1;
            reblogOf[i] = -1;
            conversation[i] = i;
            double kind = random.nextDouble();
            if (kind < 0.05 && i > 100) {
                int original = recentPublicOriginal(i, a);
                if (original >= 0 && reblogged.add(((long) original << 32) | a)) {
                    reblogOf[i] = original;
                    reblogsCount[original]++;
                    visibility[i] = (byte) Visibility.PUBLIC.ordinal();
                    continue;
                }
            }
            Visibility v = visibility(random.nextDouble());
            visibility[i] = (byte) v.ordinal();
            if (kind >= 0.05 && kind < 0.20 && i > 100) {
                int parent = random.nextDouble() < 0.2 ? lastOwnOriginal(i, a) : recentPublicOriginal(i, a);
                if (parent >= 0) {
                    replyTo[i] = parent;
                    conversation[i] = conversation[parent];
                    repliesCount[parent]++;
                }
            }
            if (v == Visibility.DIRECT) {
                mentions.put(i, replyTo[i] >= 0 && author[replyTo[i]] != a ? new int[] {author[replyTo[i]]}
                        : distinctOthers(a, 1 + random.nextInt(2)));
            } else if (replyTo[i] >= 0 && author[replyTo[i]] != a) {
                mentions.put(i, new int[] {author[replyTo[i]]});
            } else if (v == Visibility.PUBLIC && random.nextDouble() < 0.10) {
                mentions.put(i, distinctOthers(a, 1));
            }
        }
    }

    private Visibility visibility(double x) {
        if (x < 0.78) {
            return Visibility.PUBLIC;
        }
        if (x < 0.88) {
            return Visibility.UNLISTED;
        }
        return x < 0.96 ? Visibility.PRIVATE : Visibility.DIRECT;
    }

    private double[] postingWeights() {
        double[] cumulative = new double[accounts];
        double sum = 0;
        for (int r = 0; r < accounts; r++) {
            sum += Math.pow(r + 1, -POSTING_EXPONENT);
            cumulative[r] = sum;
        }
        for (int r = 0; r < accounts; r++) {
            cumulative[r] /= sum;
        }
        return cumulative;
    }

    private int pick(double[] cumulative) {
        int i = Arrays.binarySearch(cumulative, random.nextDouble());
        return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
    }

    /** A public, non-reblog status among the last few thousand, not by {@code a}; -1 if none is found quickly. */
    private int recentPublicOriginal(int before, int a) {
        for (int attempt = 0; attempt < 8; attempt++) {
            int j = before - 1 - random.nextInt(Math.min(before, 5_000));
            if (reblogOf[j] < 0 && author[j] != a && visibility[j] == Visibility.PUBLIC.ordinal()) {
                return j;
            }
        }
        return -1;
    }

    /** {@code a}'s most recent non-reblog, non-direct status among the last few thousand, for a self-thread. */
    private int lastOwnOriginal(int before, int a) {
        for (int j = before - 1; j >= Math.max(0, before - 20_000); j--) {
            if (author[j] == a && reblogOf[j] < 0 && visibility[j] != Visibility.DIRECT.ordinal()) {
                return j;
            }
        }
        return -1;
    }

    private int[] distinctOthers(int a, int count) {
        Set<Integer> chosen = new HashSet<>();
        while (chosen.size() < Math.min(count, accounts - 1)) {
            int b = random.nextInt(accounts);
            if (b != a) {
                chosen.add(b);
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    private int[][] indexByAuthor() {
        int[] counts = new int[accounts];
        for (int i = 0; i < statuses; i++) {
            counts[author[i]]++;
        }
        int[][] out = new int[accounts][];
        for (int a = 0; a < accounts; a++) {
            out[a] = new int[counts[a]];
            counts[a] = 0;
        }
        for (int i = 0; i < statuses; i++) {
            out[author[i]][counts[author[i]]++] = i;
        }
        return out;
    }

    private int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return p;
    }

    /** Mastodon-style id: the millisecond, then a sequence number; distinct for distinct (t, k) as times grow. */
    static long id(long millis, int k) {
        return (millis << 16) | ((long) (k & 1023) << 6);
    }

    Visibility visibilityOf(int status) {
        return VISIBILITIES[visibility[status]];
    }

    long followCount() {
        long n = 0;
        for (int[] f : following) {
            n += f.length;
        }
        return n;
    }
}
