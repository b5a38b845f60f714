package social.starling.service.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import social.starling.db.Tx;
import social.starling.support.Secrets;

/**
 * The bus of several nodes, over Redis pub/sub: one channel per server ({@link #channel}), so two servers sharing a
 * Redis never hear each other.
 *
 * <p>Each event reaches this node's listeners exactly once, and at once: after commit they are called on the
 * committing thread, as on a single node, and the event is then published to Redis tagged with this bus's random
 * origin id; the copy Redis sends back is recognised by that id and skipped. (Delivering only through Redis would
 * make a node's own change wait for a round trip, and vanish with Redis.) Other nodes' events are handed from
 * Lettuce's I/O thread to one delivery thread, in the order received.
 *
 * <p>Redis is never on a request's critical path: publishing is asynchronous, and while Redis is unreachable (at
 * start-up, or after losing the connection, which Lettuce re-establishes and re-subscribes on its own) commands
 * are refused at once rather than queued, events reach this node's listeners only, a warning is logged once per
 * outage, and other nodes' caches catch up when their entries expire. A bus that could not connect at start-up
 * keeps trying in the background.
 */
public final class RedisEventBus implements EventBus {
    private static final Logger log = LoggerFactory.getLogger(RedisEventBus.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final long MAX_RETRY_MILLIS = 30_000;

    private final Subscribers subscribers = new Subscribers();
    private final EventCodec codec;
    private final RedisURI uri;
    private final String channel;
    private final String origin = Secrets.token(12);
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final Object lock = new Object();

    private RedisClient client;
    private ExecutorService deliveries;
    private StatefulRedisPubSubConnection<String, String> subscriber;
    private volatile StatefulRedisConnection<String, String> publisher;
    private Thread connector;
    private volatile boolean closed;

    public RedisEventBus(URI url, String channel, ObjectMapper json) {
        this.uri = RedisURI.create(url.toString());
        this.uri.setTimeout(TIMEOUT);
        this.uri.setClientName("starling-events-" + origin);
        this.channel = channel;
        this.codec = new EventCodec(json);
    }

    /** The channel of the server at {@code domain}: every node of one server uses the same. */
    public static String channel(String domain) {
        return "starling:" + domain + ":events";
    }

    /** This bus's id on the wire (Redis also knows its connections by it, as client name). */
    public String origin() {
        return origin;
    }

    /** Whether this bus is connected to Redis (it may still be reconnecting). */
    public boolean connected() {
        StatefulRedisConnection<String, String> pub = publisher;
        return pub != null && pub.isOpen();
    }

    @Override
    public void publish(Tx tx, Event event) {
        tx.afterCommit(() -> {
            subscribers.deliver(event);
            send(event);
        });
    }

    @Override
    public <E extends Event> void subscribe(Class<E> type, Consumer<? super E> listener) {
        subscribers.add(type, listener);
    }

    /** Connects and subscribes; if Redis cannot be reached, logs it and keeps trying in the background. */
    @Override
    public void start() {
        synchronized (lock) {
            if (client != null || closed) {
                return;
            }
            deliveries = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("events-redis").factory());
            client = RedisClient.create(uri);
            client.setOptions(ClientOptions.builder()
                    .autoReconnect(true)
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .socketOptions(SocketOptions.builder().connectTimeout(TIMEOUT).build())
                    .timeoutOptions(TimeoutOptions.enabled(TIMEOUT))
                    .build());
            client.addListener(new ConnectionLog());
        }
        if (!connect()) {
            Thread retry = Thread.ofVirtual().name("events-redis-connect").unstarted(this::keepConnecting);
            synchronized (lock) {
                connector = retry;
            }
            retry.start();
        }
    }

    private boolean connect() {
        StatefulRedisPubSubConnection<String, String> sub = null;
        StatefulRedisConnection<String, String> pub = null;
        try {
            sub = client.connectPubSub();
            sub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String ch, String message) {
                    received(message);
                }
            });
            sub.sync().subscribe(channel);
            pub = client.connect();
            synchronized (lock) {
                if (closed) {
                    sub.close();
                    pub.close();
                    return true;
                }
                subscriber = sub;
                publisher = pub;
            }
            failing.set(false);
            log.info("event bus: connected to Redis at {}:{}, channel {}", uri.getHost(), uri.getPort(), channel);
            return true;
        } catch (RuntimeException e) {
            if (sub != null) {
                sub.closeAsync();
            }
            if (pub != null) {
                pub.closeAsync();
            }
            if (failing.compareAndSet(false, true)) {
                log.warn("event bus: cannot reach Redis at {}:{} ({}); events reach this node only until it can",
                        uri.getHost(), uri.getPort(), e.getMessage());
            }
            return false;
        }
    }

    private void keepConnecting() {
        long delay = 500;
        while (!closed) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                return;
            }
            if (closed || connect()) {
                return;
            }
            delay = Math.min(delay * 2, MAX_RETRY_MILLIS);
        }
    }

    private void send(Event event) {
        StatefulRedisConnection<String, String> pub = publisher;
        if (pub == null) {
            return; // not connected (yet): this node only
        }
        try {
            CompletableFuture<Long> sent = pub.async().publish(channel, codec.encode(origin, event))
                    .toCompletableFuture();
            inFlight.add(sent);
            sent.whenComplete((receivers, error) -> {
                inFlight.remove(sent);
                if (error != null) {
                    sendFailed(event, error);
                } else if (failing.compareAndSet(true, false)) {
                    log.info("event bus: publishing to Redis again");
                }
            });
        } catch (RuntimeException e) {
            sendFailed(event, e);
        }
    }

    private void sendFailed(Event event, Throwable error) {
        if (failing.compareAndSet(false, true)) {
            log.warn("event bus: cannot publish to Redis ({}); other nodes see changes when their caches expire",
                    error.getMessage());
        } else {
            log.debug("event bus: {} not published: {}", event, error.toString());
        }
    }

    private void received(String message) {
        var decoded = codec.decode(message);
        if (decoded.isEmpty()) {
            log.debug("event bus: ignoring a message on {} ({} chars)", channel, message.length());
            return;
        }
        if (origin.equals(decoded.get().origin())) {
            return; // ours: delivered here at commit
        }
        Event event = decoded.get().event();
        try {
            deliveries.execute(() -> subscribers.deliver(event));
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    /** Lets what was already published reach Redis (a command-line change must reach the nodes), then disconnects. */
    @Override
    public void close() {
        Thread retry;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            retry = connector;
        }
        if (retry != null) {
            retry.interrupt();
        }
        try {
            CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // failures were logged; a timeout means Redis is slow, and closing goes on
        }
        synchronized (lock) {
            if (subscriber != null) {
                subscriber.close();
            }
            if (publisher != null) {
                publisher.close();
                publisher = null;
            }
            if (client != null) {
                client.shutdown(Duration.ZERO, TIMEOUT);
            }
            if (deliveries != null) {
                deliveries.shutdown();
            }
        }
    }

    /** Logs losing and regaining the connection (Lettuce reconnects on its own). */
    private final class ConnectionLog implements RedisConnectionStateListener {
        @Override
        public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
            if (!closed && failing.compareAndSet(true, false)) {
                log.info("event bus: reconnected to Redis at {}", address);
            }
        }

        @Override
        public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
            if (!closed && failing.compareAndSet(false, true)) {
                log.warn("event bus: lost the connection to Redis; reconnecting (events reach this node only)");
            }
        }
    }
}
