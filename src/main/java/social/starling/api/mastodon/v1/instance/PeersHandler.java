package social.starling.api.mastodon.v1.instance;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import social.starling.service.instance.InstanceService;

/** GET /api/v1/instance/peers: domains this server has seen. */
public final class PeersHandler implements Handler {
    private final InstanceService instances;

    public PeersHandler(InstanceService instances) {
        this.instances = instances;
    }

    @Override
    public void handle(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=60").json(instances.peers());
    }
}
