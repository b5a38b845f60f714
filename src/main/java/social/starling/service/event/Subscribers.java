package social.starling.service.event;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** This node's listeners, by event type. A listener that throws is logged and does not stop the others. */
final class Subscribers {
    private static final Logger log = LoggerFactory.getLogger(Subscribers.class);

    private final Map<Class<? extends Event>, List<Consumer<Event>>> byType = new ConcurrentHashMap<>();

    <E extends Event> void add(Class<E> type, Consumer<? super E> listener) {
        byType.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add(e -> listener.accept(type.cast(e)));
    }

    void deliver(Event event) {
        List<Consumer<Event>> listeners = byType.get(event.getClass());
        if (listeners == null) {
            return;
        }
        for (Consumer<Event> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.warn("event listener failed on {}", event, e);
            }
        }
    }
}
