package social.starling.api.mastodon.v1.streaming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import social.starling.config.Config;
import social.starling.convert.ConversationApiMapper;
import social.starling.convert.NotificationApiMapper;
import social.starling.convert.StatusApiMapper;
import social.starling.errors.StarlingException;
import social.starling.model.Account;
import social.starling.model.Status;
import social.starling.model.Visibility;
import social.starling.model.view.StatusView;
import social.starling.service.conversation.ConversationService;
import social.starling.service.event.ConversationUpdated;
import social.starling.service.event.Events;
import social.starling.service.event.FiltersChanged;
import social.starling.service.event.NotificationCreated;
import social.starling.service.event.StatusCreated;
import social.starling.service.event.StatusDeleted;
import social.starling.service.event.StatusUpdated;
import social.starling.service.event.StatusWithdrawn;
import social.starling.service.notification.NotificationQueryService;
import social.starling.service.status.StreamedStatuses;
import social.starling.service.visibility.StatusVisibility;

/**
 * This node's streaming connections and what they hear. Events (from this node or, through the bus, from others)
 * are handed to one dispatch thread, so listeners on the committing thread return at once and each connection
 * gets events in the order they happened. For each event the hub loads what it is about once, projects it for
 * each interested connection's account (visibility, blocks, mutes, filters and marks: {@link StreamedStatuses}),
 * renders each distinct projection once and shares the written frame between connections; frames go to each
 * connection's bounded queue without waiting for the network.
 */
public final class StreamHub implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StreamHub.class);

    private final Set<StreamConnection> connections = ConcurrentHashMap.newKeySet();
    private final Map<Long, AtomicInteger> perToken = new ConcurrentHashMap<>();
    private final ExecutorService dispatch = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("streaming-dispatch").factory());
    private final ObjectMapper json;
    private final Config.Streaming config;
    private final StreamedStatuses statuses;
    private final NotificationQueryService notifications;
    private final ConversationService conversations;
    private final StatusApiMapper statusApi;
    private final NotificationApiMapper notificationApi;
    private final ConversationApiMapper conversationApi;

    public StreamHub(ObjectMapper json, Config.Streaming config, Events events, StreamedStatuses statuses,
                     NotificationQueryService notifications, ConversationService conversations,
                     StatusApiMapper statusApi, NotificationApiMapper notificationApi,
                     ConversationApiMapper conversationApi) {
        this.json = json;
        this.config = config;
        this.statuses = statuses;
        this.notifications = notifications;
        this.conversations = conversations;
        this.statusApi = statusApi;
        this.notificationApi = notificationApi;
        this.conversationApi = conversationApi;
        events.subscribe(StatusCreated.class, e -> later(() -> created(e)));
        events.subscribe(StatusUpdated.class, e -> later(() -> updated(e)));
        events.subscribe(StatusDeleted.class, e -> later(() -> deleted(e)));
        events.subscribe(StatusWithdrawn.class, e -> later(() -> withdrawn(e)));
        events.subscribe(NotificationCreated.class, e -> later(() -> notified(e)));
        events.subscribe(ConversationUpdated.class, e -> later(() -> conversation(e)));
        events.subscribe(FiltersChanged.class, e -> later(() -> filtersChanged(e)));
    }

    Config.Streaming config() {
        return config;
    }

    ObjectMapper json() {
        return json;
    }

    StreamedStatuses statuses() {
        return statuses;
    }

    /** Open connections on this node. */
    public int size() {
        return connections.size();
    }

    /** Adds a connection; false if its token already has as many as allowed. */
    boolean register(StreamConnection c) {
        AtomicInteger count = perToken.computeIfAbsent(c.tokenId(), id -> new AtomicInteger());
        if (count.incrementAndGet() > config.maxPerToken()) {
            count.decrementAndGet();
            log.info("streaming: refusing a connection of account {}: {} open with its token already",
                    c.accountId(), config.maxPerToken());
            return false;
        }
        connections.add(c);
        return true;
    }

    void unregister(StreamConnection c) {
        if (connections.remove(c)) {
            perToken.computeIfPresent(c.tokenId(), (id, n) -> n.decrementAndGet() <= 0 ? null : n);
        }
    }

    private void later(Runnable work) {
        if (connections.isEmpty()) {
            return;
        }
        try {
            dispatch.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.warn("streaming: an event could not be dispatched", e);
                }
            });
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private void created(StatusCreated e) {
        fanOut(e.statusId(), "update", new HashSet<>(e.homeRecipients()), false);
    }

    private void updated(StatusUpdated e) {
        Optional<StreamedStatuses.Neutral> found = statuses.load(e.statusId());
        if (found.isEmpty()) {
            return;
        }
        // An edit reaches the user streams of the author's followers, the author and the mentioned.
        Set<Long> connected = new HashSet<>();
        connections.forEach(c -> connected.add(c.accountId()));
        Status s = found.get().status();
        Set<Long> home = new HashSet<>(statuses.followersAmong(s.accountId(), connected));
        home.add(s.accountId());
        found.get().view().mentions().forEach(a -> home.add(a.id()));
        fanOut(found.get(), "status.update", home, true);
    }

    private void fanOut(long statusId, String event, Set<Long> home, boolean readMarks) {
        statuses.load(statusId).ifPresent(n -> fanOut(n, event, home, readMarks));
    }

    private void fanOut(StreamedStatuses.Neutral n, String event, Set<Long> home, boolean readMarks) {
        Status s = n.status();
        Account author = n.view().account();
        boolean publicTimeline = StatusVisibility.inPublicTimeline(s, author);
        boolean tagged = s.visibility() == Visibility.PUBLIC && !s.isReblog() && !author.suspended();
        Set<String> tags = new HashSet<>();
        n.view().tags().forEach(t -> tags.add(t.toLowerCase(Locale.ROOT)));
        Set<Long> listIds = new HashSet<>();
        for (StreamConnection c : connections) {
            c.subscriptions.stream().filter(sub -> sub.listId() != null).forEach(sub -> listIds.add(sub.listId()));
        }
        Set<Long> lists = statuses.listsAdmitting(listIds, s.id());
        boolean marks = readMarks || s.isReblog();
        Renderer renderer = new Renderer(event);
        for (StreamConnection c : connections) {
            if (c.isClosed() || !c.readsStatuses()) {
                continue;
            }
            Map<String, Optional<StatusView>> byContext = new HashMap<>(2);
            for (Subscription sub : c.subscriptions) {
                String context;
                boolean follows;
                switch (sub.name()) {
                    case "user" -> {
                        if (!home.contains(c.accountId())) {
                            continue;
                        }
                        context = "home";
                        follows = true;
                    }
                    case "list" -> {
                        if (!lists.contains(sub.listId())) {
                            continue;
                        }
                        context = "home";
                        follows = true;
                    }
                    case "hashtag", "hashtag:local" -> {
                        if (!tagged || !tags.contains(sub.tag()) || !sub.origin(s.local())) {
                            continue;
                        }
                        context = "public";
                        follows = false;
                    }
                    default -> {
                        if (!sub.isPublic() || !publicTimeline || !sub.origin(s.local())
                                || sub.onlyMedia() && !hasMedia(n.view())) {
                            continue;
                        }
                        context = "public";
                        follows = false;
                    }
                }
                Optional<StatusView> view = byContext.computeIfAbsent(context,
                        ctx -> statuses.project(n, c.accountId(), follows, ctx, marks));
                view.ifPresent(v -> c.offer(renderer.frame(sub.stream(), v)));
            }
        }
    }

    /** Whether a status (a boost: the boosted one) has media attachments, for the {@code :media} streams. */
    private static boolean hasMedia(StatusView v) {
        StatusView content = v.reblog() != null ? v.reblog() : v;
        return content.media() != null && !content.media().isEmpty();
    }

    /** Renders each distinct projection of the event's status once, and each (stream, projection) frame once. */
    private final class Renderer {
        private record Key(StatusView.Marks marks, List<StatusView.FilterMatch> filtered, StatusView.Marks reblogMarks,
                           List<StatusView.FilterMatch> reblogFiltered, Boolean voted) {
        }

        private final String event;
        private final Map<Key, String> payloads = new HashMap<>();
        private final Map<List<Object>, Frame> frames = new HashMap<>();

        Renderer(String event) {
            this.event = event;
        }

        Frame frame(List<String> stream, StatusView v) {
            StatusView shown = v.reblog() != null ? v.reblog() : v;
            Key key = new Key(v.viewer(), v.filtered(), v.reblog() == null ? null : v.reblog().viewer(),
                    v.reblog() == null ? null : v.reblog().filtered(),
                    shown.poll() == null ? null : shown.poll().voted());
            String payload = payloads.computeIfAbsent(key, k -> write(statusApi.toApi(v)));
            return frames.computeIfAbsent(List.of(stream, key), k -> new Frame(stream, event, payload));
        }
    }

    private void deleted(StatusDeleted e) {
        String id = Long.toString(e.statusId());
        Map<List<String>, Frame> frames = new HashMap<>();
        for (StreamConnection c : connections) {
            for (Subscription sub : c.subscriptions) {
                if (sub.timeline()) {
                    c.offer(frames.computeIfAbsent(sub.stream(), stream -> new Frame(stream, "delete", id)));
                }
            }
        }
    }

    /** An edit took the status out of these home feeds: their user streams drop it, as Mastodon's unpush does. */
    private void withdrawn(StatusWithdrawn e) {
        Optional<String> id = Optional.of(Long.toString(e.statusId()));
        for (long accountId : e.accountIds()) {
            toAccount(accountId, sub -> sub.name().equals("user"), StreamConnection::readsStatuses, "delete",
                    () -> id);
        }
    }

    private void notified(NotificationCreated e) {
        toAccount(e.accountId(), sub -> sub.name().equals("user") || sub.name().equals("user:notification"),
                StreamConnection::readsNotifications, "notification", () -> {
                    try {
                        return Optional.of(write(notificationApi.toApi(
                                notifications.show(e.accountId(), e.notificationId()))));
                    } catch (StarlingException gone) {
                        return Optional.empty();
                    }
                });
    }

    private void conversation(ConversationUpdated e) {
        toAccount(e.accountId(), sub -> sub.name().equals("direct"), StreamConnection::readsStatuses,
                "conversation", () -> conversations.ofThread(e.accountId(), e.conversationId())
                        .map(v -> write(conversationApi.toApi(v))));
    }

    private void filtersChanged(FiltersChanged e) {
        toAccount(e.accountId(), sub -> sub.name().equals("user"), c -> true, "filters_changed",
                () -> Optional.of(NO_PAYLOAD));
    }

    private static final String NO_PAYLOAD = new String();

    private void toAccount(long accountId, java.util.function.Predicate<Subscription> wanted,
                           java.util.function.Predicate<StreamConnection> allowed, String event,
                           java.util.function.Supplier<Optional<String>> render) {
        List<StreamConnection> targets = new ArrayList<>();
        for (StreamConnection c : connections) {
            if (c.accountId() == accountId && allowed.test(c) && c.subscriptions.stream().anyMatch(wanted)) {
                targets.add(c);
            }
        }
        if (targets.isEmpty()) {
            return;
        }
        Optional<String> payload = render.get();
        if (payload.isEmpty()) {
            return;
        }
        String p = payload.get() == NO_PAYLOAD ? null : payload.get();
        Map<List<String>, Frame> frames = new HashMap<>();
        Function<List<String>, Frame> frame = stream -> new Frame(stream, event, p);
        for (StreamConnection c : targets) {
            for (Subscription sub : c.subscriptions) {
                if (wanted.test(sub)) {
                    c.offer(frames.computeIfAbsent(sub.stream(), frame));
                }
            }
        }
    }

    String write(Object entity) {
        try {
            return json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes every connection (shutdown) and stops dispatching. */
    @Override
    public void close() {
        dispatch.shutdownNow();
        for (StreamConnection c : connections) {
            c.shutdown();
        }
        connections.clear();
    }
}
