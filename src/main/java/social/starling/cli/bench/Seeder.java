package social.starling.cli.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import social.starling.App;
import social.starling.db.BatchInsert;
import social.starling.db.BenchRepository;
import social.starling.db.Database;
import social.starling.db.FeedRepository;

/**
 * {@code starling bench seed}: fills an empty database with a synthetic instance for the benchmarks (see
 * bench/README.md), with every home feed made by the feed rebuild ({@code FeedRepository#rebuild}, the rule fan-out
 * applies), and writes, into {@code out}, access tokens for a sample of accounts ({@code tokens.txt}) and the
 * account with the most followers with a token for it ({@code fanout.properties}). Tokens are created in the
 * database directly: the password grant is slow by design.
 */
final class Seeder {
    record Options(int accounts, int statuses, long seed, int tokens, Path out) {
    }

    /** Feeds rebuilt per transaction. */
    static final int FEEDS_PER_TRANSACTION = 100;

    private final BenchRepository queries = new BenchRepository();
    private final FeedRepository feeds = new FeedRepository();
    private final App app;
    private final Options o;
    private final PrintStream log;
    private long phaseStart = System.nanoTime();

    Seeder(App app, Options options, PrintStream log) {
        this.app = app;
        this.o = options;
        this.log = log;
    }

    void run() {
        long start = System.nanoTime();
        int existing = app.core().db().read(queries::countStatuses);
        if (existing > 0) {
            throw new IllegalArgumentException("the database already has statuses; seed an empty one");
        }
        SeedPlan plan = new SeedPlan(o.accounts(), o.statuses(), o.seed(), app.core().clock().millis());
        phase("planned %,d accounts, %,d follows (most followers: %,d), %,d statuses", plan.accounts,
                plan.followCount(), plan.followerCount[plan.mostFollowed], plan.statuses);

        SeedWriter writer = new SeedWriter(app, plan, o.seed());
        String hash = app.accounts().passwords().hash(SeedCommand.PASSWORD);
        int[] statusCount = new int[plan.accounts];
        long[] lastStatusAt = new long[plan.accounts];
        for (int i = 0; i < plan.statuses; i++) {
            statusCount[plan.author[i]]++;
            lastStatusAt[plan.author[i]] = plan.statusCreatedAt[i];
        }
        writer.accounts(hash, statusCount, lastStatusAt);
        phase("wrote %,d accounts and users", plan.accounts);
        long follows = writer.follows();
        phase("wrote %,d follows", follows);
        long[] tagIds = writer.tags();
        long statuses = writer.statuses(tagIds);
        phase("wrote %,d statuses with mentions, tags and conversations", statuses);
        int maxItems = app.config().feeds().maxItems();
        long feedRows = rebuildFeeds(plan, maxItems);
        phase("rebuilt every home feed: %,d entries (at most %d per feed)", feedRows, maxItems);
        long favourites = writeFavourites(writer, plan, favourites(plan, readFeeds(plan)));
        phase("wrote %,d favourites", favourites);
        List<Integer> sample = tokens(plan);
        phase("wrote %,d access tokens to %s", sample.size(), o.out().resolve("tokens.txt"));
        analyze();
        phase("analyzed");
        log.printf("seeded in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** Every account's home feed, as the feed rebuild makes it; returns the entries written. */
    private long rebuildFeeds(SeedPlan plan, int maxItems) {
        Instant now = app.core().clock().instant();
        long written = 0;
        for (int from = 0; from < plan.accounts; from += FEEDS_PER_TRANSACTION) {
            int start = from;
            int end = Math.min(plan.accounts, from + FEEDS_PER_TRANSACTION);
            written += app.core().db().inTransaction(tx -> {
                long n = 0;
                for (int a = start; a < end; a++) {
                    n += feeds.rebuild(tx, plan.accountId[a], maxItems, now);
                }
                return n;
            });
        }
        return written;
    }

    /** The seeded feeds read back: status indexes, ascending. */
    private int[][] readFeeds(SeedPlan plan) {
        int[][] out = new int[plan.accounts][];
        for (int a = 0; a < plan.accounts; a++) {
            long id = plan.accountId[a];
            List<Long> ids = app.core().db().read(tx -> queries.feed(tx, id));
            out[a] = ids.stream().mapToInt(s -> Arrays.binarySearch(plan.statusId, s)).toArray();
        }
        return out;
    }

    /** Each account favourites about 2 % of the statuses in its feed (not its own). */
    private int[][] favourites(SeedPlan plan, int[][] feeds) {
        Random r = new Random(o.seed() + 17);
        int[][] out = new int[plan.accounts][];
        for (int a = 0; a < plan.accounts; a++) {
            List<Integer> chosen = new ArrayList<>();
            for (int s : feeds[a]) {
                if (plan.author[s] != a && plan.reblogOf[s] < 0 && r.nextInt(50) == 0) {
                    chosen.add(s);
                }
            }
            out[a] = chosen.stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    private long writeFavourites(SeedWriter writer, SeedPlan plan, int[][] favourited) {
        long base = plan.now - 200 * SeedPlan.DAY;
        long[] n = {0};
        writer.inChunks(plan.accounts, 5_000, (tx, from, to) -> {
            var rows = new BatchInsert(tx, "favourites", "id", "account_id", "status_id", "created_at");
            for (int a = from; a < to; a++) {
                for (int s : favourited[a]) {
                    long k = n[0]++;
                    rows.row(SeedWriter.sequentialId(base, k), plan.accountId[a], plan.statusId[s],
                            plan.statusCreatedAt[s] + 60_000);
                }
            }
            rows.close();
        });
        app.core().db().inTransaction(queries::countFavourites);
        return n[0];
    }

    /** An app and tokens for a random sample of accounts, and one for the most-followed account. */
    private List<Integer> tokens(SeedPlan plan) {
        Random r = new Random(o.seed() + 31);
        List<Integer> sample = new ArrayList<>();
        for (int a = 0; a < plan.accounts; a++) {
            sample.add(a);
        }
        java.util.Collections.shuffle(sample, r);
        sample = new ArrayList<>(sample.subList(0, Math.min(o.tokens(), plan.accounts)));
        // One token per sampled account, and the last for the most-followed account (bench fanout).
        List<Long> ids = new ArrayList<>();
        sample.forEach(a -> ids.add(plan.accountId[a]));
        ids.add(plan.accountId[plan.mostFollowed]);
        List<String> written = app.core().db().inTransaction(tx ->
                SeedWriter.tokens(tx, plan.now - 10 * SeedPlan.DAY, ids));
        List<String> lines = written.subList(0, sample.size());
        String[] fanoutToken = {written.getLast()};
        int top = plan.mostFollowed;
        try {
            Files.createDirectories(o.out());
            Files.write(o.out().resolve("tokens.txt"), lines);
            Files.writeString(o.out().resolve("fanout.properties"), "account_id=" + plan.accountId[top]
                    + "\nusername=" + SeedTexts.username(top) + "\nfollowers=" + plan.followerCount[top]
                    + "\ntoken=" + fanoutToken[0] + "\n");
            Files.writeString(o.out().resolve("seed.properties"), "accounts=" + plan.accounts + "\nstatuses="
                    + plan.statuses + "\nfollows=" + plan.followCount() + "\nseed=" + o.seed() + "\npassword="
                    + SeedCommand.PASSWORD + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sample;
    }

    /** Fresh planner statistics, which the hot queries need after a bulk load. */
    private void analyze() {
        app.core().db().inTransaction(tx -> {
            queries.analyze(tx);
            return null;
        });
        if (app.core().db().dialect() == Database.Dialect.POSTGRES) {
            app.core().db().read(tx -> { // outside a transaction: sets the visibility map
                queries.vacuumAnalyze(tx);
                return null;
            });
        }
    }

    private void phase(String format, Object... args) {
        long now = System.nanoTime();
        log.printf("%-80s %6.1f s%n", String.format(format, args), (now - phaseStart) / 1e9);
        phaseStart = now;
    }
}
