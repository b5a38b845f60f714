package social.starling.cli.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import social.starling.App;
import social.starling.db.Database;
import social.starling.db.schema.Tables;
import social.starling.support.Hashes;
import social.starling.support.Secrets;

/**
 * {@code starling bench seed}: fills an empty database with a synthetic instance for the benchmarks (see
 * bench/README.md) and writes, into {@code out}, access tokens for a sample of accounts ({@code tokens.txt}) and
 * the account with the most followers with a token for it ({@code fanout.properties}). Tokens are created in the
 * database directly: the password grant is slow by design.
 */
final class Seeder {
    record Options(int accounts, int statuses, long seed, int tokens, int verify, Path out) {
    }

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
        int existing = app.core().db().read(tx -> tx.dsl().fetchCount(Tables.STATUSES));
        if (existing > 0) {
            throw new IllegalArgumentException("the database already has statuses; seed an empty one");
        }
        SeedPlan plan = new SeedPlan(o.accounts(), o.statuses(), o.seed(), app.core().clock().millis());
        phase("planned %,d accounts, %,d follows (most followers: %,d), %,d statuses", plan.accounts,
                plan.followCount(), plan.followerCount[plan.mostFollowed], plan.statuses);

        int maxItems = app.config().feeds().maxItems();
        int[][] feeds = new int[plan.accounts][];
        long feedRows = 0;
        for (int a = 0; a < plan.accounts; a++) {
            feeds[a] = SeedFeeds.of(plan, a, maxItems);
            feedRows += feeds[a].length;
        }
        int[][] favourited = favourites(plan, feeds);
        int[] favouriteCount = new int[plan.statuses];
        for (int[] f : favourited) {
            for (int s : f) {
                favouriteCount[s]++;
            }
        }
        phase("computed %,d feed entries (at most %d per feed)", feedRows, maxItems);

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
        long statuses = writer.statuses(favouriteCount, tagIds);
        phase("wrote %,d statuses with mentions, tags and conversations", statuses);
        writeFeeds(writer, plan, feeds);
        phase("wrote %,d feed entries", feedRows);
        long favourites = writeFavourites(writer, plan, favourited);
        phase("wrote %,d favourites", favourites);
        List<Integer> sample = tokens(plan);
        phase("wrote %,d access tokens to %s", sample.size(), o.out().resolve("tokens.txt"));
        analyze();
        phase("analyzed");
        if (o.verify() > 0) {
            verify(plan, feeds, sample.subList(0, Math.min(o.verify(), sample.size())));
        }
        log.printf("seeded in %.1f s%n", (System.nanoTime() - start) / 1e9);
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

    private void writeFeeds(SeedWriter writer, SeedPlan plan, int[][] feeds) {
        writer.inChunks(plan.accounts, 200, (c, from, to) -> {
            var entries = new BatchInsert(c, "feed_entries", "account_id", "status_id", "author_id",
                    "reblog_of_id", "reblog_author_id");
            for (int a = from; a < to; a++) {
                for (int s : feeds[a]) {
                    int original = plan.reblogOf[s];
                    entries.row(plan.accountId[a], plan.statusId[s], plan.accountId[plan.author[s]],
                            original < 0 ? null : plan.statusId[original],
                            original < 0 ? null : plan.accountId[plan.author[original]]);
                }
            }
            entries.close();
        });
    }

    private long writeFavourites(SeedWriter writer, SeedPlan plan, int[][] favourited) {
        long base = plan.now - 200 * SeedPlan.DAY;
        long[] n = {0};
        writer.inChunks(plan.accounts, 5_000, (c, from, to) -> {
            var rows = new BatchInsert(c, "favourites", "id", "account_id", "status_id", "created_at");
            for (int a = from; a < to; a++) {
                for (int s : favourited[a]) {
                    long k = n[0]++;
                    rows.row(SeedWriter.sequentialId(base, k), plan.accountId[a], plan.statusId[s],
                            plan.statusCreatedAt[s] + 60_000);
                }
            }
            rows.close();
        });
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
        List<String> lines = new ArrayList<>();
        String[] fanoutToken = new String[1];
        List<Integer> chosen = sample;
        long base = plan.now - 10 * SeedPlan.DAY;
        app.core().db().inTransaction(tx -> {
            var c = tx.dsl().configuration().connectionProvider().acquire();
            long appId = SeedWriter.sequentialId(base, 0);
            var apps = new BatchInsert(c, "oauth_applications", "id", "name", "redirect_uris", "scopes", "client_id",
                    "client_secret", "created_at", "updated_at");
            apps.row(appId, "bench", "urn:ietf:wg:oauth:2.0:oob", "read write follow", Secrets.token(32),
                    Secrets.token(32), base, base);
            apps.close();
            var tokens = new BatchInsert(c, "oauth_access_tokens", "id", "token_hash", "application_id",
                    "account_id", "scopes", "created_at");
            long k = 1;
            for (int a : chosen) {
                String token = Secrets.token(32);
                tokens.row(SeedWriter.sequentialId(base, k++), Hashes.sha256Hex(token), appId, plan.accountId[a],
                        "read write follow", base);
                lines.add(token);
            }
            fanoutToken[0] = Secrets.token(32);
            tokens.row(SeedWriter.sequentialId(base, k), Hashes.sha256Hex(fanoutToken[0]), appId,
                    plan.accountId[plan.mostFollowed], "read write follow", base);
            tokens.close();
            return null;
        });
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
        app.core().db().inTransaction(tx -> tx.dsl().execute("ANALYZE"));
        if (app.core().db().dialect() == Database.Dialect.POSTGRES) {
            app.core().db().read(tx -> tx.dsl().execute("VACUUM ANALYZE")); // outside a transaction: sets the visibility map
        }
    }

    /** Rebuilds sampled feeds with HomeFeedService and checks the seeded ones were the same. */
    private void verify(SeedPlan plan, int[][] feeds, List<Integer> accounts) {
        int same = 0;
        for (int a : accounts) {
            long id = plan.accountId[a];
            List<Long> expected = java.util.Arrays.stream(feeds[a]).mapToObj(s -> plan.statusId[s]).sorted().toList();
            app.statuses().homeFeed().rebuild(id);
            List<Long> rebuilt = app.core().db().read(tx -> tx.dsl().select(Tables.FEED_ENTRIES.STATUS_ID)
                    .from(Tables.FEED_ENTRIES).where(Tables.FEED_ENTRIES.ACCOUNT_ID.eq(id))
                    .orderBy(Tables.FEED_ENTRIES.STATUS_ID).fetch(Tables.FEED_ENTRIES.STATUS_ID));
            if (rebuilt.equals(expected)) {
                same++;
            } else {
                log.printf("feed of %s differs from HomeFeedService.rebuild: seeded %d entries, rebuilt %d%n",
                        SeedTexts.username(a), expected.size(), rebuilt.size());
            }
        }
        phase("verified %d of %d sampled feeds identical to HomeFeedService.rebuild", same, accounts.size());
    }

    private void phase(String format, Object... args) {
        long now = System.nanoTime();
        log.printf("%-80s %6.1f s%n", String.format(format, args), (now - phaseStart) / 1e9);
        phaseStart = now;
    }
}
