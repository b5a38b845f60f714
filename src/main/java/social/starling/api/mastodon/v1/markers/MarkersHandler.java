package social.starling.api.mastodon.v1.markers;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import social.starling.api.Params;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.MarkerApiMapper;
import social.starling.model.Marker;
import social.starling.service.timeline.MarkerService;

/**
 * {@code GET /api/v1/markers?timeline[]=home&timeline[]=notifications} and {@code POST /api/v1/markers}
 * ({@code home[last_read_id]}, {@code notifications[last_read_id]}): both answer a hash of markers by timeline.
 */
public final class MarkersHandler {
    private final ApiAuth auth;
    private final MarkerService markers;
    private final MarkerApiMapper mapper;
    private final ObjectMapper json;

    public MarkersHandler(ApiAuth auth, MarkerService markers, MarkerApiMapper mapper, ObjectMapper json) {
        this.auth = auth;
        this.markers = markers;
        this.mapper = mapper;
        this.json = json;
    }

    public void index(Context ctx) {
        var caller = auth.user(ctx, "read:statuses");
        ctx.json(mapper.toApi(markers.get(caller.accountId(), Params.of(ctx, json).strings("timeline"))));
    }

    public void create(Context ctx) {
        var caller = auth.user(ctx, "write:statuses");
        Params p = Params.of(ctx, json);
        Map<String, String> positions = new LinkedHashMap<>();
        for (String timeline : Marker.TIMELINES) {
            if (p.has(timeline)) {
                positions.put(timeline, p.object(timeline).flatMap(o -> o.string("last_read_id")).orElse(null));
            }
        }
        ctx.json(mapper.toApi(markers.save(caller.accountId(), positions)));
    }
}
