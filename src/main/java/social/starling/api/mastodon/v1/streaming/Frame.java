package social.starling.api.mastodon.v1.streaming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One message for one stream, written once and shared by every connection that gets it: as a WebSocket text
 * ({@code {"stream": [...], "event": "update", "payload": "<JSON as a string>"}}, no payload for
 * {@code filters_changed}) or as a server-sent event ({@code event: update\ndata: <JSON>\n\n}, {@code undefined}
 * for no payload, as Mastodon's streaming server writes it).
 */
final class Frame {
    private final List<String> stream;
    private final String event;
    private final String payload;
    private volatile String ws;
    private volatile String sse;

    Frame(List<String> stream, String event, String payload) {
        this.stream = stream;
        this.event = event;
        this.payload = payload;
    }

    /** A message of the WebSocket protocol itself (an error answering a subscription). */
    static Frame raw(String wsText) {
        Frame f = new Frame(List.of(), "", null);
        f.ws = wsText;
        f.sse = ":" + wsText.replace('\n', ' ') + "\n\n";
        return f;
    }

    String event() {
        return event;
    }

    /** The payload as sent (JSON text), or null. */
    String payload() {
        return payload;
    }

    String ws(ObjectMapper json) {
        String text = ws;
        if (text == null) {
            ObjectNode node = json.createObjectNode();
            stream.forEach(node.putArray("stream")::add);
            node.put("event", event);
            if (payload != null) {
                node.put("payload", payload);
            }
            try {
                text = json.writeValueAsString(node);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            ws = text;
        }
        return text;
    }

    String sse() {
        String text = sse;
        if (text == null) {
            text = "event: " + event + "\ndata: " + (payload == null ? "undefined" : payload) + "\n\n";
            sse = text;
        }
        return text;
    }

    /** A rough size, for logs. */
    int length() {
        return payload == null ? 0 : payload.length();
    }
}
