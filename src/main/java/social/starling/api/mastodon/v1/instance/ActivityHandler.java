package social.starling.api.mastodon.v1.instance;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Map;
import social.starling.service.instance.InstanceService;

/** GET /api/v1/instance/activity: the last 12 weeks; Mastodon sends every number as a string. */
public final class ActivityHandler implements Handler {
    private final InstanceService instances;

    public ActivityHandler(InstanceService instances) {
        this.instances = instances;
    }

    @Override
    public void handle(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=60").json(instances.activity().stream()
                .map(w -> Map.of(
                        "week", Long.toString(w.week().getEpochSecond()),
                        "statuses", Integer.toString(w.statuses()),
                        "logins", Integer.toString(w.logins()),
                        "registrations", Integer.toString(w.registrations())))
                .toList());
    }
}
