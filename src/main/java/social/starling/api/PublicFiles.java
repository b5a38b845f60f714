package social.starling.api;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import social.starling.support.Hashes;

/**
 * The few files shipped in the jar under {@code /public} (style sheet, icons, default avatar and header), read
 * once on first request and kept in memory, with an ETag. Served by a route rather than Jetty's class-path
 * resources, which open the whole jar as a zip file system at start-up (a tenth of a second for nothing).
 */
public final class PublicFiles implements Routes {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]*");
    private static final Map<String, String> TYPES = Map.of("css", "text/css; charset=utf-8", "png", "image/png",
            "svg", "image/svg+xml", "ico", "image/x-icon", "js", "text/javascript; charset=utf-8",
            "txt", "text/plain; charset=utf-8", "webp", "image/webp");

    private record File(byte[] bytes, String type, String etag) {
    }

    private final Map<String, Optional<File>> files = new ConcurrentHashMap<>();

    @Override
    public void register(RouteTable table) {
        var routes = table.web();
        routes.get("/static/{name}", ctx -> serve(ctx, "static/" + ctx.pathParam("name")));
        routes.get("/static/vendor/{name}", ctx -> serveVendor(ctx, ctx.pathParam("name")));
        routes.get("/avatars/original/{name}", ctx -> serve(ctx, "avatars/original/" + ctx.pathParam("name")));
        routes.get("/headers/original/{name}", ctx -> serve(ctx, "headers/original/" + ctx.pathParam("name")));
    }

    /**
     * The web client's scripts, from their webjars (never copied into the project): {@code htmx.min.js} and the
     * server-sent events extension {@code htmx-sse.js}. The webjar's version is read from its pom.properties, so a
     * version bump in pom.xml is all an upgrade takes.
     */
    private void serveVendor(Context ctx, String name) {
        String resource = switch (name) {
            case "htmx.min.js" -> webjar("htmx.org", "dist/htmx.min.js");
            case "htmx-sse.js" -> webjar("htmx-ext-sse", "sse.js");
            default -> throw new NotFoundResponse();
        };
        File file = files.computeIfAbsent("vendor/" + name, k -> load(resource, "js")).orElseThrow(NotFoundResponse::new);
        respond(ctx, file);
    }

    private static String webjar(String artifact, String file) {
        var props = new java.util.Properties();
        try (InputStream in = PublicFiles.class.getResourceAsStream(
                "/META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties")) {
            if (in == null) {
                throw new NotFoundResponse();
            }
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "/META-INF/resources/webjars/" + artifact + "/" + props.getProperty("version") + "/" + file;
    }

    private void serve(Context ctx, String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (!NAME.matcher(name).matches()) {
            throw new NotFoundResponse();
        }
        File file = files.computeIfAbsent(path, p -> load("/public/" + p, p.substring(p.lastIndexOf('.') + 1)))
                .orElseThrow(NotFoundResponse::new);
        respond(ctx, file);
    }

    private static void respond(Context ctx, File file) {
        ctx.header("Cache-Control", "public, max-age=86400");
        ctx.header("ETag", file.etag());
        if (file.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        if (!file.type().contains("charset")) {
            ctx.res().setCharacterEncoding(null); // no charset on images
        }
        ctx.contentType(file.type()).result(file.bytes());
    }

    private static Optional<File> load(String resource, String extension) {
        String type = TYPES.get(extension);
        try (InputStream in = PublicFiles.class.getResourceAsStream(resource)) {
            if (in == null || type == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            return Optional.of(new File(bytes, type, "\"" + java.util.HexFormat.of().formatHex(Hashes.sha256(bytes)).substring(0, 32) + "\""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
