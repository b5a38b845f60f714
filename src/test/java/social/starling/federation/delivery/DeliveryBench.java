package social.starling.federation.delivery;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import social.starling.db.TestSql;
import social.starling.db.schema.Tables;
import social.starling.model.Account;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;
import org.junit.jupiter.api.Test;

/**
 * Not a test (the name keeps it out of the suite): bench/delivery.sh runs it. One post by one local author whose
 * followers are on {@code BENCH_HOSTS} (500) fake remote hosts on loopback, one port each; 1 % of them refuse
 * connections (dead) and 1 % accept and never answer (stalled). Measures the time from the POST until every healthy
 * host has received the Create, {@code BENCH_RUNS} times (a new post each run).
 */
class DeliveryBench {

    @Test
    void fanOutToRemoteHosts() throws Exception {
        int hostCount = Integer.getInteger("bench.hosts", 500);
        int runs = Integer.getInteger("bench.runs", 5);
        int broken = Math.max(1, hostCount / 100);
        TestApp app = TestApp.create().with("STARLING_FEDERATION_ALLOW_PRIVATE", "127.0.0.0/8")
                .with("STARLING_LOG_LEVEL", "WARN");
        app.start();
        List<FakeInbox> healthy = new ArrayList<>();
        List<FakeInbox> stalled = new ArrayList<>();
        try {
            Account author = app.fixtures().account("author");
            DeliveryRig rig = new DeliveryRig(app.app());
            for (int i = 0; i < hostCount - 2 * broken; i++) {
                FakeInbox h = new FakeInbox();
                healthy.add(h);
                rig.follow(rig.remote("f" + i, "h" + i + ".test", h, true), author);
            }
            for (int i = 0; i < broken; i++) {
                FakeInbox h = new FakeInbox().stall();
                stalled.add(h);
                rig.follow(rig.remote("s" + i, "s" + i + ".test", h, true), author);
                int deadPort;
                try (ServerSocket s = new ServerSocket(0)) {
                    deadPort = s.getLocalPort();
                }
                rig.follow(rig.remoteAt("d" + i, "d" + i + ".test", "http://127.0.0.1:" + deadPort), author);
            }
            HttpTester api = ApiClient.register(app.http(), "write").as("author", "write");
            List<String> report = new ArrayList<>();
            report.add(String.format(Locale.ROOT, "%d hosts: %d healthy, %d stalled, %d refusing connections; "
                    + "delivery lane concurrency %d, per-host cap %d%n", hostCount, healthy.size(), broken, broken,
                    app.app().config().jobs().deliveryConcurrency(), HostSlots.DEFAULT_PER_HOST));
            for (int run = 1; run <= runs; run++) {
                int expected = run;
                long start = System.nanoTime();
                api.postJson("/api/v1/statuses", "{\"status\":\"bench run " + run + "\"}");
                long posted = System.nanoTime();
                Await.until(java.time.Duration.ofMinutes(5),
                        () -> healthy.stream().allMatch(h -> h.received.size() >= expected));
                long done = System.nanoTime();
                int queued = app.app().core().db().read(tx -> TestSql.dsl(tx).fetchCount(Tables.JOBS,
                        Tables.JOBS.KIND.eq("deliver")));
                report.add(String.format(Locale.ROOT, "run %d: POST answered in %d ms; all %d healthy hosts had it after "
                        + "%d ms; deliver jobs left (stalled in flight, dead awaiting retry): %d%n", run,
                        (posted - start) / 1_000_000, healthy.size(), (done - start) / 1_000_000, queued));
            }
            report.forEach(System.out::print); // after the runs, so log lines do not interleave
        } finally {
            stalled.forEach(FakeInbox::close);
            healthy.forEach(FakeInbox::close);
            app.stop();
        }
    }
}
