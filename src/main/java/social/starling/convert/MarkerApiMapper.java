package social.starling.convert;

import java.util.LinkedHashMap;
import java.util.Map;
import social.starling.convert.entity.MarkerEntity;
import social.starling.model.Marker;

/** Markers → Mastodon's hash of Marker entities keyed by timeline. */
public final class MarkerApiMapper {
    public Map<String, MarkerEntity> toApi(Map<String, Marker> markers) {
        Map<String, MarkerEntity> out = new LinkedHashMap<>();
        markers.forEach((timeline, m) -> out.put(timeline,
                new MarkerEntity(Long.toString(m.lastReadId()), m.version(), m.updatedAt())));
        return out;
    }
}
