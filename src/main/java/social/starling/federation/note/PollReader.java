package social.starling.federation.note;

import static social.starling.federation.note.As2Values.array;
import static social.starling.federation.note.As2Values.instant;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import social.starling.model.federation.RemoteNote;

/**
 * A {@code Question}'s poll, as Mastodon's PollParser reads it: {@code anyOf} (multiple choice) or {@code oneOf},
 * each option a {@code name} with its votes in {@code replies.totalItems}; {@code endTime}, else the time in
 * {@code closed}; {@code closed} present (a time or {@code true}) means the poll has ended; {@code votersCount}
 * (Mastodon's extension) when given.
 */
final class PollReader {
    private PollReader() {
    }

    /** The poll, or null when the object is not a Question or has no usable option. */
    static RemoteNote.RemotePoll read(JsonNode object, int maxOptions, int maxTitle) {
        if (!As2Values.typeIs(object.get("type"), Set.of("Question"))) {
            return null;
        }
        boolean multiple = object.has("anyOf") && object.get("anyOf").isArray();
        JsonNode items = multiple ? object.get("anyOf") : object.get("oneOf");
        List<RemoteNote.Option> options = new ArrayList<>();
        for (JsonNode item : array(items, maxOptions)) {
            if (!item.isObject()) {
                continue;
            }
            String title = NoteReader.plain(As2Values.text(item, "name").orElse(""), maxTitle);
            if (title.isEmpty()) {
                continue;
            }
            long votes = item.path("replies").path("totalItems").asLong(0);
            options.add(new RemoteNote.Option(title, (int) Math.max(0, Math.min(Integer.MAX_VALUE, votes))));
        }
        if (options.isEmpty()) {
            return null;
        }
        JsonNode closed = object.get("closed");
        Instant end = instant(object.get("endTime")).or(() -> instant(closed)).orElse(null);
        boolean isClosed = closed != null && !closed.isNull() && !(closed.isBoolean() && !closed.booleanValue());
        JsonNode voters = object.get("votersCount");
        Integer votersCount = voters != null && voters.canConvertToInt() && voters.asInt() >= 0 ? voters.asInt() : null;
        return new RemoteNote.RemotePoll(List.copyOf(options), multiple, end, isClosed, votersCount);
    }
}
