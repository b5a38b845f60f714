package social.starling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import social.starling.Main;
import social.starling.testing.TestDatabase;

/** The {@code starling} command line against a real database. */
class CliTest {
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

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("STARLING_DATA_DIR", dir.toString());
        return env;
    }

    @Test
    void aDataDirectoryMadeForAnotherDomainIsRefusedInOneLine() throws Exception {
        Map<String, String> env = env();
        String pg = TestDatabase.postgres() ? TestDatabase.newPostgresSchema() : null;
        if (pg != null) {
            env.put("STARLING_DATABASE_URL", pg);
        }
        try {
            env.put("STARLING_PORT", Integer.toString(social.starling.testing.TestApp.freePort()));
            env.put("STARLING_DOMAIN", "localhost:8080");
            try (social.starling.App first = new social.starling.App(
                    social.starling.config.ConfigLoader.load(env, java.util.Optional.empty()),
                    java.time.Clock.systemUTC())) {
                first.start();
            }
            env.put("STARLING_DOMAIN", "localhost:9000");
            Result moved = run(env, "serve");
            assertThat(moved.exit()).isEqualTo(2);
            assertThat(moved.err().strip()).isEqualTo("starling: this data directory belongs to localhost:8080 "
                    + "(http://localhost:8080), not to localhost:9000: run it with STARLING_DOMAIN=localhost:8080 "
                    + "(or STARLING_PORT=8080), or use another STARLING_DATA_DIR for a new server");
        } finally {
            if (pg != null) {
                TestDatabase.dropPostgresSchema(pg);
            }
        }
    }

    @Test
    void migrateCreateAccountResetPasswordAndJobStats() {
        Map<String, String> env = env();
        String pg = TestDatabase.postgres() ? TestDatabase.newPostgresSchema() : null;
        if (pg != null) {
            env.put("STARLING_DATABASE_URL", pg);
        }
        try {
            assertThat(run(env, "migrate").exit()).isZero();

            Result created = run(env, "admin", "create-account", "--username", "carol", "--email",
                    "carol@example.test", "--role", "moderator");
            assertThat(created.exit()).as(created.err()).isZero();
            assertThat(created.out()).contains("Created carol").contains("role moderator").contains("Password: ");

            Result taken = run(env, "admin", "create-account", "--username", "Carol", "--email",
                    "other@example.test");
            assertThat(taken.exit()).isNotZero();
            assertThat(taken.err()).contains("Username is already taken");

            Result reset = run(env, "admin", "reset-password", "--username", "carol", "--password",
                    "a much better password");
            assertThat(reset.exit()).as(reset.err()).isZero();

            Result weak = run(env, "admin", "reset-password", "--username", "carol", "--password", "short");
            assertThat(weak.exit()).isNotZero();
            assertThat(weak.err()).contains("Password is too short");

            Result stats = run(env, "jobs", "stats");
            assertThat(stats.exit()).isZero();
            assertThat(stats.out()).contains("lane").contains("default"); // the key-generation jobs
        } finally {
            if (pg != null) {
                TestDatabase.dropPostgresSchema(pg);
            }
        }
    }

    @Test
    void accountSuspendAndUnsuspend() {
        Map<String, String> env = env();
        String pg = TestDatabase.postgres() ? TestDatabase.newPostgresSchema() : null;
        if (pg != null) {
            env.put("STARLING_DATABASE_URL", pg);
        }
        try {
            assertThat(run(env, "migrate").exit()).isZero();
            assertThat(run(env, "admin", "create-account", "--username", "dora", "--email", "dora@example.test")
                    .exit()).isZero();
            Result suspended = run(env, "account", "suspend", "dora");
            assertThat(suspended.exit()).as(suspended.err()).isZero();
            assertThat(suspended.out()).contains("Suspended dora");
            Result unknown = run(env, "account", "suspend", "nobody@far.example");
            assertThat(unknown.exit()).isNotZero();
            assertThat(unknown.err()).contains("No account nobody@far.example");
            Result unsuspended = run(env, "account", "unsuspend", "dora");
            assertThat(unsuspended.exit()).as(unsuspended.err()).isZero();
            assertThat(unsuspended.out()).contains("Unsuspended dora");
        } finally {
            if (pg != null) {
                TestDatabase.dropPostgresSchema(pg);
            }
        }
    }

    @Test
    void rulesAreAddedListedAndRemoved() {
        Map<String, String> env = env();
        String pg = TestDatabase.postgres() ? TestDatabase.newPostgresSchema() : null;
        if (pg != null) {
            env.put("STARLING_DATABASE_URL", pg);
        }
        try {
            assertThat(run(env, "migrate").exit()).isZero();
            Result added = run(env, "rules", "add", "--text", "Be kind", "--hint", "No harassment");
            assertThat(added.exit()).as(added.err()).isZero();
            String id = added.out().strip().replace("added rule ", "");
            assertThat(run(env, "rules", "add", "--text", "Stay on topic").exit()).isZero();
            assertThat(run(env, "rules", "add", "--text", " ").exit()).isEqualTo(2);
            assertThat(run(env, "rules", "add", "--text", "x".repeat(301)).exit()).isEqualTo(2);
            Result listed = run(env, "rules", "list");
            assertThat(listed.out()).contains(id + "\tBe kind\t(No harassment)").contains("Stay on topic");
            assertThat(listed.out().indexOf("Be kind")).isLessThan(listed.out().indexOf("Stay on topic"));
            assertThat(run(env, "rules", "remove", id).exit()).isZero();
            assertThat(run(env, "rules", "remove", id).exit()).isEqualTo(1);
            assertThat(run(env, "rules", "list").out()).doesNotContain("Be kind").contains("Stay on topic");
        } finally {
            if (pg != null) {
                TestDatabase.dropPostgresSchema(pg);
            }
        }
    }

    @Test
    void badConfigurationIsOneLineAndExitCode2() {
        Map<String, String> env = env();
        env.put("STARLING_DATABASE_URL", "jdbc:oracle:thin:@x");
        Result r = run(env, "migrate");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("starling: STARLING_DATABASE_URL").doesNotContain("\n");
    }
}
