package social.starling.api.wellknown;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import social.starling.convert.NodeInfoMapper;
import social.starling.service.instance.InstanceService;

/** NodeInfo: {@code /.well-known/nodeinfo} (discovery) and the {@code /nodeinfo/2.0} and {@code /2.1} documents. */
public final class NodeInfoHandler {
    private static final String SCHEMA = "http://nodeinfo.diaspora.software/ns/schema/";

    private final InstanceService instances;
    private final NodeInfoMapper mapper;
    private final ObjectMapper json;
    private final String baseUrl;

    public NodeInfoHandler(InstanceService instances, NodeInfoMapper mapper, ObjectMapper json, String baseUrl) {
        this.instances = instances;
        this.mapper = mapper;
        this.json = json;
        this.baseUrl = baseUrl;
    }

    public void discovery(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=1800").json(Map.of("links", List.of(
                Map.of("rel", SCHEMA + "2.0", "href", baseUrl + "/nodeinfo/2.0"),
                Map.of("rel", SCHEMA + "2.1", "href", baseUrl + "/nodeinfo/2.1"))));
    }

    public void document(Context ctx) throws Exception {
        String version = ctx.pathParam("version").replace(".json", "");
        if (!version.equals("2.0") && !version.equals("2.1")) {
            throw new social.starling.errors.NotFoundException("Record not found");
        }
        ctx.header("Cache-Control", "public, max-age=1800")
                .contentType("application/json; profile=\"" + SCHEMA + version + "#\"")
                .result(json.writeValueAsString(mapper.toNodeInfo(instances.describe(), version)));
    }
}
