package social.starling.wiring;

import io.javalin.router.JavalinDefaultRoutingApi;
import social.starling.App;
import social.starling.api.mastodon.v1.markers.MarkersHandler;
import social.starling.convert.MarkerApiMapper;
import social.starling.db.MarkerRepository;
import social.starling.service.timeline.MarkerService;

/** Reading notifications (v1 and grouped v2), notification policies and requests, markers, and conversations. */
public final class NotificationsModule implements Module {
    @Override
    public void install(App app, Wiring wiring) {
        var markers = new MarkerRepository();
        var markerHandler = new MarkersHandler(app.apiAuth, new MarkerService(app.db, markers, app.clock),
                new MarkerApiMapper(), app.json);

        wiring.routes((JavalinDefaultRoutingApi r) -> {
            r.get("/api/v1/markers", markerHandler::index);
            r.post("/api/v1/markers", markerHandler::create);
        });
    }
}
