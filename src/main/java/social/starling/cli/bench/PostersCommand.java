package social.starling.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import social.starling.App;
import social.starling.db.BenchRepository;

/**
 * {@code starling bench posters}: for the posting bench, writes into an empty database {@code --posters} local
 * accounts each followed by {@code --followers} accounts of its own (posters first, then their followers; the
 * accounts, users and follows as {@link SeedWriter} writes them, with no statuses), and, into {@code --out}
 * (default {@code <data dir>/bench/posting}), a token per poster ({@code posters.txt}) and the first poster as
 * {@code fanout.properties} for {@code bench fanout --dir}. Tokens are created in the database directly.
 */
@Command(name = "posters", description = "Accounts for the posting bench: posters with their own followers.")
final class PostersCommand implements Callable<Integer> {
    @CommandLine.ParentCommand
    BenchCommands bench;

    @Option(names = "--posters", defaultValue = "8")
    int posters;

    @Option(names = "--followers", defaultValue = "100", description = "Followers of each poster.")
    int followers;

    @Option(names = "--out", description = "Where to write posters.txt and fanout.properties.")
    Path out;

    @Override
    public Integer call() {
        if (posters < 1 || followers < 0) {
            throw new IllegalArgumentException("--posters must be at least 1, --followers at least 0");
        }
        try (App app = bench.apps.open()) {
            if (app.core().db().read(new BenchRepository()::countStatuses) > 0) {
                throw new IllegalArgumentException("the database already has statuses; use an empty one");
            }
            int total = posters * (1 + followers);
            SeedPlan plan = new SeedPlan(total, 1, 42, app.core().clock().millis());
            for (int a = 0; a < total; a++) {
                plan.following[a] = a < posters ? new int[0] : new int[] {(a - posters) / followers};
                plan.followerCount[a] = a < posters ? followers : 0;
            }
            SeedWriter writer = new SeedWriter(app, plan, 42);
            writer.accounts(app.accounts().passwords().hash(SeedCommand.PASSWORD), new int[total], new long[total]);
            writer.follows();
            List<String> tokens = tokens(app, plan);
            Path dir = out != null ? out : app.config().dataDir().resolve("bench").resolve("posting");
            try {
                Files.createDirectories(dir);
                Files.write(dir.resolve("posters.txt"), tokens);
                Files.writeString(dir.resolve("fanout.properties"), "account_id=" + plan.accountId[0]
                        + "\nusername=" + SeedTexts.username(0) + "\nfollowers=" + followers + "\ntoken="
                        + tokens.getFirst() + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.out.printf("wrote %d posters with %d followers each; tokens in %s%n", posters, followers,
                    dir.resolve("posters.txt"));
        }
        return 0;
    }

    private List<String> tokens(App app, SeedPlan plan) {
        List<Long> ids = new ArrayList<>(posters);
        for (int a = 0; a < posters; a++) {
            ids.add(plan.accountId[a]);
        }
        return app.core().db().inTransaction(tx -> SeedWriter.tokens(tx, plan.now - 10 * SeedPlan.DAY, ids));
    }
}
