package social.starling.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import social.starling.testing.HttpResult;
import social.starling.testing.TestApp;

/** Shutdown finishes in-flight requests and refuses new ones meanwhile. */
class GracefulShutdownTest {

    @Test
    void inFlightRequestsFinishWhileNewOnesAreRefused() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TestApp server = TestApp.create().withRoutes(r -> r.operations().get("/test/slow", ctx -> {
            entered.countDown();
            release.await(20, TimeUnit.SECONDS);
            ctx.json(Map.of("finished", true));
        }));
        server.start();
        var pool = Executors.newVirtualThreadPerTaskExecutor();
        try {
            Future<HttpResult> slow = pool.submit(() -> server.http().get("/test/slow"));
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> stopping = pool.submit(server::stop);
            Thread.sleep(300);
            HttpResult refused = server.http().get("/api/v2/instance");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isPresent();
            assertThat(server.http().get("/readyz").status()).isEqualTo(503);
            release.countDown();
            HttpResult finished = slow.get(10, TimeUnit.SECONDS);
            assertThat(finished.status()).isEqualTo(200);
            assertThat(finished.json().get("finished").asBoolean()).isTrue();
            stopping.get(20, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            pool.shutdownNow();
            server.stop();
        }
    }
}
