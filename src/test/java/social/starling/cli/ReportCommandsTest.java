package social.starling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import social.starling.App;
import social.starling.Main;
import social.starling.config.ConfigLoader;
import social.starling.model.Report;
import social.starling.testing.TestDatabase;

/** {@code starling report list [--resolved]} against a real database. */
class ReportCommandsTest {
    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    private Result run(Map<String, String> env, String... args) {
        StringWriter err = new StringWriter();
        PrintStream previous = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true));
        try {
            int exit = Main.run(args, env, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
            return new Result(exit, captured.toString(), err.toString());
        } finally {
            System.setOut(previous);
        }
    }

    @Test
    void listsOpenAndResolvedReports() {
        Map<String, String> env = new HashMap<>();
        env.put("STARLING_DATA_DIR", dir.toString());
        String pg = TestDatabase.postgres() ? TestDatabase.newPostgresSchema() : null;
        if (pg != null) {
            env.put("STARLING_DATABASE_URL", pg);
        }
        try {
            assertThat(run(env, "migrate").exit()).isZero();
            assertThat(run(env, "report", "list").out()).contains("(no open reports)");
            for (String name : List.of("ria", "tom", "max")) {
                assertThat(run(env, "admin", "create-account", "--username", name, "--email", name + "@example.test",
                        "--role", name.equals("max") ? "moderator" : "user").exit()).isZero();
            }
            long open;
            long done;
            try (App app = new App(ConfigLoader.load(env, Optional.empty()), Clock.systemUTC())) {
                var accounts = app.accounts().queries();
                long ria = accounts.lookup("ria").orElseThrow().id();
                long tom = accounts.lookup("tom").orElseThrow().id();
                long max = accounts.lookup("max").orElseThrow().id();
                open = app.core().ids().next();
                done = app.core().ids().next();
                var reports = app.inbox().reports();
                Instant now = Instant.now();
                app.core().db().inTransaction(tx -> {
                    reports.insertLocal(tx, new Report(open, ria, tom, List.of(), "spam", "spam", List.of(), false,
                            null, now));
                    reports.assign(tx, open, max, now);
                    reports.insertLocal(tx, new Report(done, tom, ria, List.of(), "", "other", List.of(), false, null,
                            now));
                    reports.setResolved(tx, done, max, now, now);
                    reports.insertNote(tx, new social.starling.model.ReportNote(app.core().ids().next(), done, max,
                            "nothing to do", now));
                    return null;
                });
                List<social.starling.model.ReportNote> notes = app.core().db().read(tx -> reports.notes(tx, done));
                assertThat(notes).extracting(social.starling.model.ReportNote::content).containsExactly("nothing to do");
            }
            Result listed = run(env, "report", "list");
            assertThat(listed.exit()).as(listed.err()).isZero();
            assertThat(listed.out()).startsWith("id\tcreated\treporter\ttarget\tcategory\tstatus\tassigned")
                    .contains(open + "\t").contains("\tria\ttom\tspam\topen\tmax").doesNotContain(done + "\t");
            Result resolved = run(env, "report", "list", "--resolved");
            assertThat(resolved.exit()).as(resolved.err()).isZero();
            assertThat(resolved.out()).contains(done + "\t").contains("\ttom\tria\tother\tresolved\t-")
                    .doesNotContain(open + "\t");
        } finally {
            if (pg != null) {
                TestDatabase.dropPostgresSchema(pg);
            }
        }
    }
}
