package social.starling.service.timeline;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import social.starling.db.Database;
import social.starling.db.MarkerRepository;
import social.starling.errors.UnprocessableException;
import social.starling.model.Marker;

/**
 * Read positions (Mastodon's markers, 3.0): someone's last read status in {@code home} and last read notification
 * in {@code notifications}, shared between their apps. Other timeline names are ignored, as Mastodon's permitted
 * parameters ignore them.
 */
public final class MarkerService {
    private final Database db;
    private final MarkerRepository markers;
    private final Clock clock;

    public MarkerService(Database db, MarkerRepository markers, Clock clock) {
        this.db = db;
        this.markers = markers;
        this.clock = clock;
    }

    /** The markers that exist among {@code timelines}, by timeline. */
    public Map<String, Marker> get(long accountId, Collection<String> timelines) {
        List<String> known = timelines.stream().filter(Marker.TIMELINES::contains).distinct().toList();
        return byTimeline(db.read(tx -> markers.findAll(tx, accountId, known)));
    }

    /**
     * Saves {@code last_read_id} per timeline (a missing or non-numeric value for a timeline that was named is a
     * 422 and nothing is saved) and answers the saved markers. Each change bumps the marker's version.
     */
    public Map<String, Marker> save(long accountId, Map<String, String> lastReadIds) {
        Map<String, Long> positions = new LinkedHashMap<>();
        for (String timeline : Marker.TIMELINES) {
            if (!lastReadIds.containsKey(timeline)) {
                continue;
            }
            String raw = lastReadIds.get(timeline);
            if (raw == null || raw.isBlank()) {
                throw new UnprocessableException("Validation failed: Last read can't be blank");
            }
            try {
                positions.put(timeline, Long.parseLong(raw.trim()));
            } catch (NumberFormatException e) {
                throw new UnprocessableException("Validation failed: Last read is not a number");
            }
        }
        if (positions.isEmpty()) {
            return Map.of();
        }
        return byTimeline(db.inTransaction(tx -> {
            positions.forEach((timeline, id) -> markers.save(tx, accountId, timeline, id, clock.instant()));
            return markers.findAll(tx, accountId, positions.keySet());
        }));
    }

    private static Map<String, Marker> byTimeline(List<Marker> list) {
        Map<String, Marker> out = new LinkedHashMap<>();
        list.forEach(m -> out.put(m.timeline(), m));
        return out;
    }
}
