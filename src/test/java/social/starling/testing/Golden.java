package social.starling.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Golden JSON files under {@code src/test/resources/golden/}: a response is compared with its file after ids,
 * times and the test server's port are normalised ({@code "<id>"}, {@code "<time>"}, {@code "<date>"},
 * {@code localhost:<port>}, and the server's random VAPID key, an uncompressed P-256 point in base64url, as
 * {@code "<vapid key>"}). Key order does not matter; every key and value does. Set
 * {@code -Dstarling.golden.update=true} to rewrite the files from the actual responses (then review the diff).
 */
public final class Golden {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final Pattern ID = Pattern.compile("^\\d{15,}$");
    private static final Pattern ID_IN_TEXT = Pattern.compile("\\d{15,}");
    private static final Pattern TIME = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$");
    private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
    private static final Pattern VAPID_KEY = Pattern.compile("^B[A-Za-z0-9_-]{86}$");
    private static final Pattern PORT = Pattern.compile("localhost:\\d+");
    private static final Path DIR = Path.of("src/test/resources/golden");

    private Golden() {
    }

    public static void assertMatches(String name, String actualJson) {
        try {
            JsonNode actual = normalise(JSON.readTree(actualJson));
            Path file = DIR.resolve(name);
            if (Boolean.getBoolean("starling.golden.update") || !Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, JSON.writeValueAsString(actual) + "\n");
                if (!Boolean.getBoolean("starling.golden.update")) {
                    throw new AssertionError("golden file " + file + " did not exist; it was written from this "
                            + "response. Review it against Mastodon's documentation and run the test again.");
                }
                return;
            }
            JsonNode expected = JSON.readTree(Files.readString(file));
            List<String> diffs = new ArrayList<>();
            diff("$", expected, actual, diffs);
            assertThat(diffs).as("differences from golden file %s:%n%s", name, JSON.writeValueAsString(actual))
                    .isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static JsonNode normalise(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode out = JSON.createObjectNode();
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                out.set(e.getKey(), normalise(e.getValue()));
            }
            return out;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode out = JSON.createArrayNode();
            array.forEach(e -> out.add(normalise(e)));
            return out;
        }
        if (node.isTextual()) {
            String text = node.asText();
            if (ID.matcher(text).matches()) {
                return TextNode.valueOf("<id>");
            }
            if (VAPID_KEY.matcher(text).matches()) {
                return TextNode.valueOf("<vapid key>");
            }
            if (TIME.matcher(text).matches()) {
                return TextNode.valueOf("<time>");
            }
            if (DATE.matcher(text).matches()) {
                return TextNode.valueOf("<date>");
            }
            return TextNode.valueOf(ID_IN_TEXT.matcher(PORT.matcher(text).replaceAll("localhost:<port>"))
                    .replaceAll("<id>"));
        }
        return node;
    }

    private static void diff(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected.isObject() && actual.isObject()) {
            expected.properties().forEach(e -> {
                if (!actual.has(e.getKey())) {
                    out.add(path + "." + e.getKey() + ": missing");
                } else {
                    diff(path + "." + e.getKey(), e.getValue(), actual.get(e.getKey()), out);
                }
            });
            actual.properties().forEach(e -> {
                if (!expected.has(e.getKey())) {
                    out.add(path + "." + e.getKey() + ": unexpected");
                }
            });
        } else if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                out.add(path + ": " + expected.size() + " elements expected, " + actual.size() + " found");
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                diff(path + "[" + i + "]", expected.get(i), actual.get(i), out);
            }
        } else if (!expected.equals(actual)) {
            out.add(path + ": expected " + expected + ", found " + actual);
        }
    }
}
