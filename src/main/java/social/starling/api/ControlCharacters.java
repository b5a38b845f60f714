package social.starling.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import social.starling.errors.UnprocessableException;

/** Control characters in what clients send, dealt with once for every parameter ({@link Params}). */
final class ControlCharacters {
    private ControlCharacters() {
    }

    /**
     * Every text a client sends passes here, so control characters are dealt with once, the same on both
     * databases: a NUL anywhere refuses the request (422; PostgreSQL cannot store it, SQLite would echo it back,
     * and {@code "direct\0"} must not pass for {@code "direct"}); the other C0 controls but tab, line feed and
     * carriage return, and DEL, are removed, as no person types them.
     */
    static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            var fields = object.properties().iterator();
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            fields.forEachRemaining(entries::add);
            for (Map.Entry<String, JsonNode> e : entries) {
                if (e.getValue().isTextual()) {
                    String clean = clean(e.getValue().textValue());
                    if (clean != null) {
                        object.put(e.getKey(), clean);
                    }
                } else {
                    strip(e.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode item = array.get(i);
                if (item.isTextual()) {
                    String clean = clean(item.textValue());
                    if (clean != null) {
                        array.set(i, JsonNodeFactory.instance.textNode(clean));
                    }
                } else {
                    strip(item);
                }
            }
        }
    }

    /** The text without control characters, or null when it had none (the common case: nothing is copied). */
    static String clean(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isStripped(text.charAt(i))) {
                StringBuilder out = new StringBuilder(text.length());
                for (int j = 0; j < text.length(); j++) {
                    char c = text.charAt(j);
                    if (!isStripped(c)) {
                        out.append(c);
                    }
                }
                return out.toString();
            }
        }
        return null;
    }

    private static boolean isStripped(char c) {
        if (c == 0) {
            throw new UnprocessableException("Validation failed: a parameter contains a NUL character");
        }
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
    }

}
