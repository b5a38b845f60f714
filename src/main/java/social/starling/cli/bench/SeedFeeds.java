package social.starling.cli.bench;

import java.util.Arrays;
import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;
import social.starling.model.Visibility;

/**
 * Home feeds for a {@link SeedPlan}, computed in memory with the rules of {@code HomeFeedService#rebuild}: the
 * newest {@code 2 * maxItems} statuses of the people followed (and one's own), keeping one's own, reblogs of
 * public or unlisted statuses by others (one per original), replies only to oneself or to people followed, direct
 * statuses only where mentioned; at most {@code maxItems}. The seeded graph has no mutes, blocks or language
 * choices, so those rules never apply. {@code bench seed --verify} compares a sample against the real rebuild.
 */
final class SeedFeeds {
    private SeedFeeds() {
    }

    /** The feed of account {@code a}: status indexes, ascending. */
    static int[] of(SeedPlan plan, int a, int maxItems) {
        int[] followed = plan.following[a];
        int[][] lists = new int[followed.length + 1][];
        for (int i = 0; i < followed.length; i++) {
            lists[i] = plan.byAuthor[followed[i]];
        }
        lists[followed.length] = plan.byAuthor[a];
        // Merge newest first: the queue holds {list, position} ordered by the status at that position, descending.
        PriorityQueue<int[]> heads = new PriorityQueue<>((x, y) -> Integer.compare(lists[y[0]][y[1]],
                lists[x[0]][x[1]]));
        for (int i = 0; i < lists.length; i++) {
            if (lists[i].length > 0) {
                heads.add(new int[] {i, lists[i].length - 1});
            }
        }
        int[] feed = new int[maxItems];
        int added = 0;
        int candidates = 0;
        Set<Integer> seenOriginals = new HashSet<>();
        while (!heads.isEmpty() && candidates < 2 * maxItems && added < maxItems) {
            int[] head = heads.poll();
            int s = lists[head[0]][head[1]];
            if (head[1] > 0) {
                heads.add(new int[] {head[0], head[1] - 1});
            }
            candidates++;
            int original = plan.reblogOf[s];
            if (original >= 0 && !seenOriginals.add(original)) {
                continue;
            }
            if (plan.author[s] == a || eligible(plan, a, s, original)) {
                feed[added++] = s;
            }
        }
        int[] out = Arrays.copyOf(feed, added);
        Arrays.sort(out);
        return out;
    }

    private static boolean eligible(SeedPlan plan, int a, int s, int original) {
        if (original >= 0) {
            Visibility v = plan.visibilityOf(original);
            return plan.author[original] != a && v != Visibility.DIRECT && v != Visibility.PRIVATE;
        }
        int parent = plan.replyTo[s];
        if (parent >= 0) {
            int to = plan.author[parent];
            if (to != plan.author[s] && to != a && Arrays.binarySearch(plan.following[a], to) < 0) {
                return false;
            }
        }
        if (plan.visibilityOf(s) == Visibility.DIRECT) {
            int[] mentioned = plan.mentions.get(s);
            return mentioned != null && Arrays.stream(mentioned).anyMatch(m -> m == a);
        }
        return true;
    }
}
