package social.starling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import social.starling.App;
import social.starling.Main;
import social.starling.config.ConfigLoader;
import social.starling.model.AuditEntry;
import social.starling.testing.TestDatabase;

/**
 * Staff actions from the command line are audited like those on the admin pages: before the server ever started
 * the instance actor is named as the actor; once the owner exists, the owner is.
 */
class CliAuditTest {
    @TempDir
    Path dir;

    private int run(Map<String, String> env, String... args) {
        PrintStream previous = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true));
        try {
            return Main.run(args, env, new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(),
                    true));
        } finally {
            System.setOut(previous);
        }
    }

    @Test
    void accountAndRuleCommandsWriteAuditEntries() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("STARLING_DATA_DIR", dir.toString());
        env.put("STARLING_PORT", Integer.toString(social.starling.testing.TestApp.freePort()));
        String pg = TestDatabase.postgres() ? TestDatabase.newPostgresSchema() : null;
        if (pg != null) {
            env.put("STARLING_DATABASE_URL", pg);
        }
        try {
            assertThat(run(env, "migrate")).isZero();
            assertThat(run(env, "admin", "create-account", "--username", "dora", "--email", "dora@example.test"))
                    .isZero();
            assertThat(run(env, "admin", "disable", "--username", "dora")).isZero();
            assertThat(run(env, "rules", "add", "--text", "Be kind")).isZero();
            try (App app = new App(ConfigLoader.load(env, Optional.empty()), Clock.systemUTC())) {
                long instanceActor = app.accounts().instanceActor().find().orElseThrow().id();
                var entries = app.moderation().auditLog().page(null, null, null, null, 10);
                assertThat(entries).extracting(AuditEntry::action).containsExactly("create", "disable");
                assertThat(entries).extracting(AuditEntry::accountId).containsOnly(instanceActor);
                assertThat(entries.get(1).humanIdentifier()).isEqualTo("dora");

                app.start(); // creates the owner
                long owner = app.accounts().admin().find(app.config().instance().ownerUsername()).account().id();
                assertThat(CliActor.of(app)).isEqualTo(owner);
            }
            assertThat(run(env, "admin", "enable", "--username", "dora")).isZero();
            try (App app = new App(ConfigLoader.load(env, Optional.empty()), Clock.systemUTC())) {
                var newest = app.moderation().auditLog().page(null, null, null, null, 1).getFirst();
                assertThat(newest.action()).isEqualTo("enable");
                assertThat(newest.accountId()).isEqualTo(
                        app.accounts().admin().find(app.config().instance().ownerUsername()).account().id());
            }
        } finally {
            if (pg != null) {
                TestDatabase.dropPostgresSchema(pg);
            }
        }
    }
}
