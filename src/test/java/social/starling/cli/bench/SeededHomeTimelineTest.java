package social.starling.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.Golden;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * The bench seeder on a small instance, and the home timelines it makes as the API renders them: reblogs,
 * replies, mentions, hashtags, followers-only and direct statuses, favourites, paging. The rendered pages are
 * compared with a golden file, so changes to the read path (caches, fewer queries) must keep every field. Ids are
 * replaced by labels in order of appearance, so the file also pins which status is which.
 */
class SeededHomeTimelineTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    static List<String> tokens;
    static String seedLog;

    @BeforeAll
    static void seed() throws IOException {
        Path out = Files.createTempDirectory("seed");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        new Seeder(server.app(), new Seeder.Options(40, 3_000, 7, 6, out), new PrintStream(log, true)).run();
        seedLog = log.toString();
        tokens = Files.readAllLines(out.resolve("tokens.txt"));
    }

    @Test
    void seededFeedsAreWhatRebuildingThemGives() {
        assertThat(seedLog).contains("rebuilt every home feed");
        assertThat(tokens).hasSize(6);
        var app = server.app();
        var queries = new social.starling.db.BenchRepository();
        for (long account : app.core().db().read(queries::localAccountIds)) {
            List<Long> seeded = app.core().db().read(tx -> queries.feed(tx, account));
            app.statuses().homeFeed().rebuild(account);
            List<Long> rebuilt = app.core().db().read(tx -> queries.feed(tx, account));
            assertThat(rebuilt).as("feed of %d", account).isEqualTo(seeded);
        }
    }

    @Test
    void homeTimelinePagesMatchTheGoldenFile() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Labels labels = new Labels();
        ArrayNode pages = json.createArrayNode();
        int reblogs = 0;
        for (String token : List.of(tokens.get(2), tokens.get(4))) {
            HttpTester user = server.http().withToken(token);
            HttpResult first = user.get("/api/v1/timelines/home?limit=40");
            assertThat(first.status()).as(first.body()).isEqualTo(200);
            assertThat(first.json()).hasSize(40);
            pages.add(page(json, labels, first));
            String last = first.json().get(39).get("id").asText();
            HttpResult older = user.get("/api/v1/timelines/home?limit=40&max_id=" + last);
            reblogs += first.json().findValues("reblog").stream().filter(JsonNode::isObject).count()
                    + older.json().findValues("reblog").stream().filter(JsonNode::isObject).count();
            pages.add(page(json, labels, older));
            String tenth = first.json().get(9).get("id").asText();
            HttpResult newer = user.get("/api/v1/timelines/home?limit=5&min_id=" + tenth);
            assertThat(ids(newer.json())).containsExactlyElementsOf(ids(first.json()).subList(4, 9));
            pages.add(page(json, labels, newer));
        }
        assertThat(reblogs).as("reblogs shown").isPositive();
        Golden.assertMatches("seeded_home_timelines.json", json.writeValueAsString(pages));
    }

    /** Top-level status ids of a page, in order. */
    static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.forEach(s -> out.add(s.get("id").asText()));
        return out;
    }

    /** The page body and its Link header, with tags and mentions sorted and ids labelled. */
    static ObjectNode page(ObjectMapper json, Labels labels, HttpResult result) {
        assertThat(result.status()).as(result.body()).isEqualTo(200);
        ObjectNode page = json.createObjectNode();
        page.set("link", TextNode.valueOf(labels.apply(result.header("Link").orElse(""))));
        page.set("body", labels.label(sortLists(result.json())));
        return page;
    }

    static JsonNode sortLists(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String key : List.of("tags", "mentions")) {
                if (object.get(key) instanceof ArrayNode array) {
                    List<JsonNode> items = new ArrayList<>();
                    array.forEach(items::add);
                    items.sort(Comparator.comparing(n -> n.path(key.equals("tags") ? "name" : "username").asText()));
                    array.removeAll();
                    items.forEach(array::add);
                }
            }
            object.properties().forEach(e -> sortLists(e.getValue()));
        } else if (node instanceof ArrayNode array) {
            array.forEach(SeededHomeTimelineTest::sortLists);
        }
        return node;
    }

    /** Replaces each distinct 15+ digit id by a label in order of first appearance. */
    static final class Labels {
        private static final Pattern ID = Pattern.compile("\\d{15,}");
        private final Map<String, String> labels = new HashMap<>();

        String apply(String text) {
            Matcher m = ID.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, labels.computeIfAbsent(m.group(), k -> "#" + (labels.size() + 1)));
            }
            m.appendTail(out);
            return out.toString();
        }

        JsonNode label(JsonNode node) {
            if (node instanceof ObjectNode object) {
                ObjectNode out = object.objectNode();
                object.properties().forEach(e -> out.set(e.getKey(), label(e.getValue())));
                return out;
            }
            if (node instanceof ArrayNode array) {
                ArrayNode out = array.arrayNode();
                array.forEach(e -> out.add(label(e)));
                return out;
            }
            return node.isTextual() ? TextNode.valueOf(apply(node.asText())) : node;
        }
    }
}
