package social.starling.service.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Events on the wire between nodes: {@code {"origin": "<bus id>", "type": "AccountChanged", "event": {...}}}, the
 * event in the one JSON configuration (snake_case). {@code origin} lets a node skip its own messages.
 */
final class EventCodec {
    record Message(String origin, Event event) {
    }

    private record Envelope(String origin, String type, JsonNode event) {
    }

    private final ObjectMapper json;
    private final Map<String, Class<? extends Event>> types = new HashMap<>();

    EventCodec(ObjectMapper json) {
        this.json = json;
        for (Class<?> type : Event.class.getPermittedSubclasses()) {
            types.put(type.getSimpleName(), type.asSubclass(Event.class));
        }
    }

    String encode(String origin, Event event) {
        try {
            return json.writeValueAsString(new Envelope(origin, event.getClass().getSimpleName(),
                    json.valueToTree(event)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + event, e);
        }
    }

    /** The message, or empty if it is not one (or names an event this node does not know). */
    Optional<Message> decode(String text) {
        try {
            Envelope envelope = json.readValue(text, Envelope.class);
            Class<? extends Event> type = envelope == null ? null : types.get(envelope.type());
            if (type == null || envelope.origin() == null || envelope.event() == null) {
                return Optional.empty();
            }
            return Optional.of(new Message(envelope.origin(), json.treeToValue(envelope.event(), type)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
