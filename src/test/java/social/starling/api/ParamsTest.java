package social.starling.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Rack-style nested parameters, as Mastodon apps send them in forms and query strings. */
class ParamsTest {

    private static Params parse(String... pairs) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            Params.put(root, pairs[i], pairs[i + 1]);
        }
        return Params.of(root);
    }

    @Test
    void arraysAndNestedHashes() {
        Params p = parse("status", "hi", "poll[options][]", "a", "poll[options][]", "b", "poll[expires_in]", "300",
                "media_ids[]", "1", "media_ids[]", "2");
        assertThat(p.string("status")).contains("hi");
        assertThat(p.strings("media_ids")).containsExactly("1", "2");
        Params poll = p.object("poll").orElseThrow();
        assertThat(poll.strings("options")).containsExactly("a", "b");
        assertThat(poll.intValue("expires_in")).contains(300);
    }

    @Test
    void arraysOfHashes() {
        Params p = parse("fields_attributes[][name]", "a", "fields_attributes[][value]", "1",
                "fields_attributes[][name]", "b", "fields_attributes[][value]", "2");
        assertThat(p.node().get("fields_attributes")).hasSize(2);
        assertThat(p.node().get("fields_attributes").get(1).get("value").asText()).isEqualTo("2");
    }

    @Test
    void indexedHashesAsRackReadsThem() {
        Params p = parse("fields_attributes[0][name]", "a", "fields_attributes[1][name]", "b");
        assertThat(p.node().at("/fields_attributes/1/name").asText()).isEqualTo("b");
    }

    @Test
    void railsBooleans() {
        Params p = parse("a", "true", "b", "0", "c", "false", "d", "1", "e", "on", "f", "");
        assertThat(p.bool("a")).contains(true);
        assertThat(p.bool("b")).contains(false);
        assertThat(p.bool("c")).contains(false);
        assertThat(p.bool("d")).contains(true);
        assertThat(p.bool("e")).contains(true);
        assertThat(p.bool("f")).contains(false);
        assertThat(p.bool("missing")).isEmpty();
    }

    @Test
    void aSingleValueReadsAsAOneElementArray() {
        assertThat(parse("id", "5").strings("id")).containsExactly("5");
    }
}
