package social.starling.api.mastodon.v1.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import social.starling.model.oauth.AccessToken;
import social.starling.service.oauth.Caller;

/** Backpressure: a connection whose queue is full is closed at once, and the one offering never waits. */
class StreamConnectionTest {
    @Test
    void aFullQueueClosesTheConnectionWithoutBlocking() {
        SseStream conn = new SseStream(caller(), 8, Duration.ofSeconds(30));
        Frame frame = new Frame(List.of("user"), "update", "{}");
        for (int i = 0; i < 8; i++) {
            assertThat(conn.offer(frame)).isTrue();
        }
        assertThat(conn.isClosed()).isFalse();
        assertThat(conn.offer(frame)).isFalse();
        assertThat(conn.isClosed()).isTrue();
        assertThat(conn.offer(frame)).isFalse();
    }

    @Test
    void framesAreWrittenOnceAsMastodonWritesThem() {
        var json = social.starling.support.Json.mapper();
        Frame update = new Frame(List.of("hashtag", "cats"), "update", "{\"id\":\"1\"}");
        assertThat(update.ws(json)).isEqualTo(
                "{\"stream\":[\"hashtag\",\"cats\"],\"event\":\"update\",\"payload\":\"{\\\"id\\\":\\\"1\\\"}\"}");
        assertThat(update.ws(json)).isSameAs(update.ws(json));
        assertThat(update.sse()).isEqualTo("event: update\ndata: {\"id\":\"1\"}\n\n");
        Frame changed = new Frame(List.of("user"), "filters_changed", null);
        assertThat(changed.ws(json)).isEqualTo("{\"stream\":[\"user\"],\"event\":\"filters_changed\"}");
        assertThat(changed.sse()).isEqualTo("event: filters_changed\ndata: undefined\n\n");
    }

    private static Caller caller() {
        AccessToken token = new AccessToken(1L, null, 1L, Set.of("read"), Instant.EPOCH, null);
        return new Caller(token, null, null);
    }
}
