package social.starling.service.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import social.starling.support.Json;

/** Events between nodes: every event survives the trip; what is not an event this node knows is ignored. */
class EventCodecTest {
    final EventCodec codec = new EventCodec(Json.mapper());

    @Test
    void everyKindOfEventRoundTrips() {
        for (Event event : new Event[] {new AccountChanged(7), new AccountRowChanged(Long.MAX_VALUE)}) {
            String wire = codec.encode("node-a", event);
            assertThat(codec.decode(wire)).contains(new EventCodec.Message("node-a", event));
        }
        assertThat(codec.encode("node-a", new AccountChanged(7)))
                .isEqualTo("{\"origin\":\"node-a\",\"type\":\"AccountChanged\",\"event\":{\"account_id\":7}}");
    }

    @Test
    void unknownOrBrokenMessagesAreIgnored() {
        assertThat(codec.decode("{\"origin\":\"x\",\"type\":\"StatusLiked\",\"event\":{\"id\":1}}")).isEmpty();
        assertThat(codec.decode("{\"type\":\"AccountChanged\",\"event\":{\"account_id\":1}}")).isEmpty();
        assertThat(codec.decode("not json")).isEmpty();
        assertThat(codec.decode("[]")).isEmpty();
        assertThat(codec.decode("null")).isEmpty();
    }
}
