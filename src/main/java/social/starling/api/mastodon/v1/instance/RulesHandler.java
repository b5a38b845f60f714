package social.starling.api.mastodon.v1.instance;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import social.starling.convert.InstanceApiMapper;
import social.starling.service.instance.InstanceService;

/** GET /api/v1/instance/rules: the server's rules. */
public final class RulesHandler implements Handler {
    private final InstanceService instances;
    private final InstanceApiMapper mapper;

    public RulesHandler(InstanceService instances, InstanceApiMapper mapper) {
        this.instances = instances;
        this.mapper = mapper;
    }

    @Override
    public void handle(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=60").json(mapper.rules(instances.rules()));
    }
}
