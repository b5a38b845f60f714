package social.starling.api.mastodon.v1.instance;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import social.starling.convert.InstanceApiMapper;
import social.starling.service.instance.InstanceService;

/** GET /api/v1/instance: the V1::Instance entity. */
public final class InstanceV1Handler implements Handler {
    private final InstanceService instances;
    private final InstanceApiMapper mapper;

    public InstanceV1Handler(InstanceService instances, InstanceApiMapper mapper) {
        this.instances = instances;
        this.mapper = mapper;
    }

    @Override
    public void handle(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=60").json(mapper.toV1(instances.describe()));
    }
}
