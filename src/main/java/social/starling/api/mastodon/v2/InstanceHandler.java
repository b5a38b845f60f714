package social.starling.api.mastodon.v2;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import social.starling.convert.InstanceApiMapper;
import social.starling.service.instance.InstanceService;

/** GET /api/v2/instance: the Instance entity. */
public final class InstanceHandler implements Handler {
    private final InstanceService instances;
    private final InstanceApiMapper mapper;

    public InstanceHandler(InstanceService instances, InstanceApiMapper mapper) {
        this.instances = instances;
        this.mapper = mapper;
    }

    @Override
    public void handle(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=60").json(mapper.toV2(instances.describe()));
    }
}
