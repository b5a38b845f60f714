package social.starling.api.wellknown;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** {@code /.well-known/host-meta}: where WebFinger lives (XRD), and JSON when the client asks for it. */
public final class HostMetaHandler {
    private final String baseUrl;

    public HostMetaHandler(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public void handle(Context ctx) {
        String template = baseUrl + "/.well-known/webfinger?resource={uri}";
        String accept = ctx.header("Accept");
        if (ctx.path().endsWith(".json") || (accept != null && accept.contains("json") && !accept.contains("xml"))) {
            ctx.json(Map.of("links", List.of(Map.of("rel", "lrdd", "template", template))));
            return;
        }
        ctx.contentType("application/xrd+xml; charset=utf-8").result("""
                <?xml version="1.0" encoding="UTF-8"?>
                <XRD xmlns="http://docs.oasis-open.org/ns/xri/xrd-1.0">
                  <Link rel="lrdd" template="%s"/>
                </XRD>
                """.formatted(template.replace("&", "&amp;")));
    }
}
