package social.starling.federation.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import social.starling.App;
import social.starling.config.ConfigLoader;
import social.starling.model.Account;
import social.starling.model.Role;
import social.starling.service.account.NewLocalAccount;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.HttpTester;
import social.starling.testing.MutableClock;
import social.starling.testing.TestApp;
import social.starling.testing.TestDatabase;

/**
 * Deliveries survive a crash: while every inbox holds its delivery unanswered, the process is killed (the job
 * runner abandons its work as a dead process would: no further writes); a new App on the same database takes the
 * deliveries over once their leases expire, and every inbox receives the activity (at least once).
 */
class DeliveryDurabilityTest {

    @Test
    void deliveriesInFlightWhenTheProcessDiesAreMadeByTheNextOne() throws Exception {
        MutableClock clock = MutableClock.startingNow();
        Path dir = Files.createTempDirectory("starling-durability");
        String pg = TestDatabase.postgres() ? TestDatabase.newPostgresSchema() : null;
        String domain = "localhost:" + TestApp.freePort();
        List<FakeInbox> hosts = List.of(new FakeInbox().stall(), new FakeInbox().stall(), new FakeInbox().stall());
        App first = start(dir, pg, domain, clock);
        try {
            Account alice = first.accounts().createLocalAccount().create(
                    NewLocalAccount.ready("alice", "alice@example.test", "correct horse battery staple", Role.USER));
            DeliveryRig rig = new DeliveryRig(first);
            for (int i = 0; i < hosts.size(); i++) {
                rig.follow(rig.remote("f" + i, "h" + i + ".test", hosts.get(i), true), alice);
            }
            HttpTester api = ApiClient.register(new HttpTester("http://127.0.0.1:" + first.port()), "write")
                    .as("alice", "write");
            assertThat(api.postJson("/api/v1/statuses", "{\"status\":\"survive this\"}").status()).isEqualTo(200);
            Await.until(() -> hosts.stream().allMatch(h -> h.received.size() == 1));

            first.core().jobRunner().kill();
            first.close();
            hosts.forEach(FakeInbox::release);

            App second = start(dir, pg, domain, clock);
            try {
                clock.advance(Duration.ofSeconds(31)); // the dead runner's leases expire
                Await.until(() -> hosts.stream().allMatch(h -> h.received.size() >= 2));
                for (FakeInbox h : hosts) {
                    assertThat(h.received.getLast().json().at("/object/content").asText()).contains("survive this");
                    new DeliveryRig(second).assertSigned(h.received.getLast(), alice);
                }
            } finally {
                second.close();
            }
        } finally {
            hosts.forEach(FakeInbox::close);
            if (pg != null) {
                TestDatabase.dropPostgresSchema(pg);
            }
        }
    }

    private static App start(Path dir, String pg, String domain, MutableClock clock) throws Exception {
        Map<String, String> vars = new HashMap<>();
        vars.put("STARLING_DATA_DIR", dir.toString());
        vars.put("STARLING_PORT", Integer.toString(TestApp.freePort()));
        vars.put("STARLING_DOMAIN", domain);
        vars.put("STARLING_JOBS_POLL_MILLIS", "100");
        vars.put("STARLING_JOBS_LEASE_SECONDS", "30");
        vars.put("STARLING_SHUTDOWN_GRACE_SECONDS", "2");
        vars.put("STARLING_FEDERATION_ALLOW_PRIVATE", "127.0.0.0/8");
        if (pg != null) {
            vars.put("STARLING_DATABASE_URL", pg);
            vars.put("STARLING_DATABASE_POOL_SIZE", "8");
        }
        App app = new App(ConfigLoader.load(vars, Optional.empty()), clock);
        app.start();
        return app;
    }
}
