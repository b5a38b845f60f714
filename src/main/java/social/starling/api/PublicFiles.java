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
        routes.get("/avatars/original/{name}", ctx -> serve(ctx, "avatars/original/" + ctx.pathParam("name")));
        routes.get("/headers/original/{name}", ctx -> serve(ctx, "headers/original/" + ctx.pathParam("name")));
    }

    private void serve(Context ctx, String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (!NAME.matcher(name).matches()) {
            throw new NotFoundResponse();
        }
        File file = files.computeIfAbsent(path, PublicFiles::load).orElseThrow(NotFoundResponse::new);
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

    private static Optional<File> load(String path) {
        String extension = path.substring(path.lastIndexOf('.') + 1);
        String type = TYPES.get(extension);
        try (InputStream in = PublicFiles.class.getResourceAsStream("/public/" + path)) {
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
