package social.starling.api;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import social.starling.errors.BadRequestException;
import social.starling.errors.UnprocessableException;

/**
 * A request's parameters, from wherever the client put them. Mastodon (Rails) accepts the query string, form data
 * (urlencoded or multipart) and JSON bodies alike, with Rack's bracket syntax ({@code poll[options][]=a}) for
 * nesting; apps rely on all three. Everything is merged into one JSON tree: query first, then form, then JSON.
 */
public final class Params {
    private static final Set<String> FALSE = Set.of("false", "0", "f", "off", "no", "");

    private final ObjectNode root;

    private Params(ObjectNode root) {
        this.root = root;
    }

    public static Params of(Context ctx, ObjectMapper json) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ctx.pathParamMap().forEach(root::put);
        addAll(root, ctx.queryParamMap());
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
            addAll(root, formParams(ctx, type));
        } else if (type.contains("json")) {
            String body = ctx.body();
            if (!body.isBlank()) {
                try {
                    JsonNode parsed = json.readTree(body);
                    if (parsed != null && parsed.isObject()) {
                        root.setAll((ObjectNode) parsed);
                    } else if (parsed != null && !parsed.isNull()) {
                        throw new BadRequestException("The request body must be a JSON object");
                    }
                } catch (StreamConstraintsException e) {
                    throw new BadRequestException(constraintMessage(e));
                } catch (IOException e) {
                    throw new BadRequestException("The request body is not valid JSON");
                }
            }
        }
        ControlCharacters.strip(root);
        return new Params(root);
    }

    /** The form fields; a body that is not the form its Content-Type says (a broken multipart boundary) is a 400. */
    private static Map<String, List<String>> formParams(Context ctx, String type) {
        try {
            return ctx.formParamMap();
        } catch (Exception e) { // Jetty's "bad multipart" arrives as a ServletException thrown through Javalin
            if (e instanceof social.starling.errors.StarlingException s) {
                throw s;
            }
            ctx.header("Connection", "close"); // the rest of the body is unread: the connection cannot be reused
            throw new BadRequestException(type.startsWith("multipart/")
                    ? "The request body is not valid multipart/form-data" : "The request body is not a valid form");
        }
    }

    /**
     * Jackson's own words for the bound a hostile body broke (nesting depth, string or number length, document
     * length; {@code support/Json}), without the name of the Java method that sets it.
     */
    private static String constraintMessage(StreamConstraintsException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        message = message.replaceAll(",? ?from `[^`]*`", "").replaceAll("\\s+", " ").strip();
        return "The request body exceeds a limit" + (message.isEmpty() ? "" : ": " + message);
    }

    static Params of(ObjectNode root) {
        return new Params(root);
    }

    /** A nested object (an element of an array of objects) read with the same accessors. */
    public static Params wrap(JsonNode object) {
        return new Params(object instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode());
    }

    private static void addAll(ObjectNode root, Map<String, List<String>> values) {
        values.forEach((key, list) -> list.forEach(value -> put(root, key, value)));
    }

    /** Rack's nesting: {@code a[b][]=x} → {@code {"a": {"b": ["x"]}}}; {@code a[]=x&a[]=y} → {@code {"a": [x, y]}}. */
    static void put(ObjectNode root, String key, String value) {
        List<String> path = new ArrayList<>();
        int bracket = key.indexOf('[');
        path.add(bracket < 0 ? key : key.substring(0, bracket));
        while (bracket >= 0) {
            int close = key.indexOf(']', bracket);
            if (close < 0) {
                break;
            }
            path.add(key.substring(bracket + 1, close));
            bracket = key.indexOf('[', close);
        }
        JsonNode node = root;
        for (int i = 0; i < path.size(); i++) {
            String segment = path.get(i);
            boolean last = i == path.size() - 1;
            boolean nextIsArray = !last && path.get(i + 1).isEmpty();
            if (node instanceof ObjectNode object) {
                if (last) {
                    object.put(segment, value);
                    return;
                }
                JsonNode child = object.get(segment);
                if (child == null || !(nextIsArray ? child.isArray() : child.isObject())) {
                    child = nextIsArray ? object.putArray(segment) : object.putObject(segment);
                }
                node = child;
            } else if (node instanceof ArrayNode array) {
                if (last) {
                    array.add(value);
                    return;
                }
                // a[][b]=x&a[][c]=y: as Rack, keep filling the last element until a key repeats.
                String nextKey = path.get(i + 1);
                JsonNode tail = array.isEmpty() ? null : array.get(array.size() - 1);
                node = tail instanceof ObjectNode object && !object.has(nextKey) ? object : array.addObject();
            }
        }
    }

    public JsonNode node() {
        return root;
    }

    public boolean has(String name) {
        JsonNode value = root.get(name);
        return value != null && !value.isNull();
    }

    public Optional<String> string(String name) {
        JsonNode value = root.get(name);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    /** A required parameter: missing or empty is Rails' ParameterMissing, a 400. */
    public String require(String name) {
        return string(name).filter(s -> !s.isBlank())
                .orElseThrow(() -> new BadRequestException("Missing parameter " + name));
    }

    /** An array parameter given as {@code name[]=a&name[]=b}, a JSON array, or a single {@code name=a}. */
    public List<String> strings(String name) {
        JsonNode value = root.get(name);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (value.isArray()) {
            List<String> out = new ArrayList<>();
            value.forEach(v -> {
                if (!v.isNull() && !v.isContainerNode()) {
                    out.add(v.asText());
                }
            });
            return out;
        }
        if (value.isObject()) {
            // Some clients send arrays as a[0]=x&a[1]=y, which Rack also reads as a list.
            List<String> out = new ArrayList<>();
            value.forEach(v -> out.add(v.asText()));
            return out;
        }
        return List.of(value.asText());
    }

    /** Rails' boolean casting: false, 0, "f", "off", "no" and "" are false; anything else is true. */
    public Optional<Boolean> bool(String name) {
        JsonNode value = root.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isBoolean()) {
            return Optional.of(value.booleanValue());
        }
        if (value.isNumber()) {
            return Optional.of(value.asLong() != 0);
        }
        return Optional.of(!FALSE.contains(value.asText().trim().toLowerCase(Locale.ROOT)));
    }

    public boolean bool(String name, boolean fallback) {
        return bool(name).orElse(fallback);
    }

    public Optional<Long> longValue(String name) {
        return string(name).filter(s -> !s.isBlank()).map(s -> {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw new BadRequestException(name + " must be a number");
            }
        });
    }

    public Optional<Integer> intValue(String name) {
        return longValue(name).map(v -> {
            if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
                throw new UnprocessableException(name + " is out of range");
            }
            return v.intValue();
        });
    }

    public Optional<Params> object(String name) {
        JsonNode value = root.get(name);
        return value instanceof ObjectNode object ? Optional.of(new Params(object)) : Optional.empty();
    }
}
