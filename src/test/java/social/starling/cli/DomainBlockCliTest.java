package social.starling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import social.starling.Main;
import social.starling.testing.TestDatabase;

/**
 * {@code starling domain-block add|remove|import|export} against a real database: Mastodon's CSV format, the valid
 * lines of a file imported and the malformed ones reported by number.
 */
class DomainBlockCliTest {
    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    private Result run(Map<String, String> env, String... args) {
        StringWriter err = new StringWriter();
        PrintStream previous = System.out;
        PrintStream previousErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true));
        System.setErr(new PrintStream(capturedErr, true));
        try {
            int exit = Main.run(args, env, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
            return new Result(exit, captured.toString(), err + capturedErr.toString());
        } finally {
            System.setOut(previous);
            System.setErr(previousErr);
        }
    }

    @Test
    void addImportExportRemove() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("STARLING_DATA_DIR", dir.toString());
        String pg = TestDatabase.postgres() ? TestDatabase.newPostgresSchema() : null;
        if (pg != null) {
            env.put("STARLING_DATABASE_URL", pg);
        }
        try {
            assertThat(run(env, "migrate").exit()).isZero();
            Result added = run(env, "domain-block", "add", "Spam.Example", "--severity", "suspend", "--reject-media",
                    "--public-comment", "spam, mostly");
            assertThat(added.exit()).as(added.err()).isZero();
            assertThat(added.out()).contains("blocked spam.example (suspend)");
            assertThat(run(env, "domain-block", "add", "spam.example").exit()).isEqualTo(1);
            assertThat(run(env, "domain-block", "add", "x.example", "--severity", "banish").exit()).isEqualTo(2);

            Path csv = dir.resolve("blocks.csv");
            Files.writeString(csv, String.join("\n",
                    "#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate",
                    "one.example,silence,false,true,,false",
                    "not a domain,suspend,false,false,,false",
                    "two.example,suspend,true,false,\"bots, many\",true",
                    "three.example,obliterate,false,false,,false",
                    "four.example,noop,maybe,false,,false",
                    "spam.example,suspend,false,false,,false",
                    "five.example",
                    ""));
            Result imported = run(env, "domain-block", "import", csv.toString());
            assertThat(imported.exit()).as(imported.err()).isZero();
            assertThat(imported.out()).contains("imported 3")
                    .contains("line 3 refused: not a domain: not a domain")
                    .contains("line 5 refused: unknown severity: obliterate")
                    .contains("line 6 refused: reject_media must be true or false, not maybe")
                    .contains("line 7 refused: Validation failed: Domain has already been taken");

            Result exported = run(env, "domain-block", "export");
            assertThat(exported.exit()).isZero();
            assertThat(exported.out().lines().toList()).containsExactlyInAnyOrder(
                    "#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate",
                    "spam.example,suspend,true,false,\"spam, mostly\",false",
                    "one.example,silence,false,true,,false",
                    "two.example,suspend,true,false,\"bots, many\",true",
                    "five.example,suspend,false,false,,false");

            // The export imports again, as Mastodon's does: every line is already there.
            Path again = dir.resolve("again.csv");
            Files.writeString(again, exported.out());
            assertThat(run(env, "domain-block", "import", again.toString()).out()).contains("imported 0");

            assertThat(run(env, "domain-block", "remove", "two.example").exit()).isZero();
            assertThat(run(env, "domain-block", "remove", "two.example").exit()).isEqualTo(1);
            assertThat(run(env, "domain-block", "export").out()).doesNotContain("two.example");
        } finally {
            if (pg != null) {
                TestDatabase.dropPostgresSchema(pg);
            }
        }
    }
}
