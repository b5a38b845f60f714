package social.starling.service.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.support.Json;
import social.starling.support.Secrets;
import social.starling.testing.Await;
import social.starling.testing.Cluster;
import social.starling.testing.TestApp;

/**
 * The bus over Redis: each node's listeners hear every event exactly once, servers on one Redis do not hear each
 * other, and Redis being away never breaks the node (its own listeners still hear everything).
 */
class RedisEventBusTest {
    @RegisterExtension
    static TestApp server = TestApp.create(); // for transactions; its own bus is not used here

    record Heard(String bus, long accountId) {
    }

    final List<Heard> heard = new CopyOnWriteArrayList<>();

    RedisEventBus bus(String url, String channel, String name) {
        RedisEventBus bus = new RedisEventBus(URI.create(url), channel, Json.mapper());
        bus.subscribe(AccountChanged.class, e -> heard.add(new Heard(name, e.accountId())));
        return bus;
    }

    void publish(Events bus, long accountId) {
        server.app().core().db().inTransaction(tx -> {
            bus.publish(tx, new AccountChanged(accountId));
            return null;
        });
    }

    static String redis() {
        assumeTrue(Cluster.redisUrl().isPresent(), "set STARLING_TEST_REDIS_URL to test the bus over Redis");
        return Cluster.redisUrl().orElseThrow();
    }

    @Test
    void everyNodeHearsAnEventExactlyOnceAndOtherServersNotAtAll() throws InterruptedException {
        String url = redis();
        String channel = RedisEventBus.channel("bus-" + Secrets.token(6) + ".test");
        try (RedisEventBus a = bus(url, channel, "a"); RedisEventBus b = bus(url, channel, "b");
             RedisEventBus other = bus(url, channel + "-other", "other")) {
            a.start();
            b.start();
            other.start();
            assertThat(a.connected() && b.connected() && other.connected()).isTrue();

            publish(a, 1);
            // a's own listener has heard it when publish returns; b may already have too, through Redis.
            assertThat(heard).as("a's own listener, at commit").contains(new Heard("a", 1));
            Await.until(Duration.ofSeconds(5), () -> heard.contains(new Heard("b", 1)));
            publish(b, 2);
            Await.until(Duration.ofSeconds(5), () -> heard.contains(new Heard("a", 2)));
            Thread.sleep(200); // time for a duplicate to show up, if there were one
            assertThat(heard).containsExactlyInAnyOrder(new Heard("a", 1), new Heard("b", 1), new Heard("b", 2),
                    new Heard("a", 2));
        }
    }

    @Test
    void withoutRedisTheNodeStillHearsItself() throws Exception {
        String url = "redis://127.0.0.1:" + TestApp.freePort(); // nobody listens there
        try (RedisEventBus alone = bus(url, RedisEventBus.channel("nowhere.test"), "alone")) {
            long started = System.nanoTime();
            alone.start(); // logs a warning and keeps trying in the background
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(alone.connected()).isFalse();
            publish(alone, 3);
            assertThat(heard).containsExactly(new Heard("alone", 3));
        }
    }

    @Test
    void aDroppedConnectionIsMadeAgainAndEventsFlowAfterwards() {
        String url = redis();
        String channel = RedisEventBus.channel("bus-" + Secrets.token(6) + ".test");
        try (RedisEventBus a = bus(url, channel, "a"); RedisEventBus b = bus(url, channel, "b");
             RedisClient admin = RedisClient.create(url);
             StatefulRedisConnection<String, String> redis = admin.connect()) {
            a.start();
            b.start();
            // Redis drops both of b's connections (found by their client name), as when it restarts.
            for (String line : redis.sync().clientList().split("\n")) {
                if (line.contains("name=starling-events-" + b.origin() + " ")) {
                    long id = Long.parseLong(line.split(" ")[0].substring("id=".length()));
                    redis.sync().clientKill(io.lettuce.core.KillArgs.Builder.id(id));
                }
            }
            Await.until(Duration.ofSeconds(10), () -> {
                publish(a, 4);
                return heard.contains(new Heard("b", 4));
            });
            publish(b, 5);
            Await.until(Duration.ofSeconds(5), () -> heard.contains(new Heard("a", 5)));
        }
    }
}
