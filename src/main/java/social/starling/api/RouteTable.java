package social.starling.api;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.websocket.WsConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Every route of the server, in one table per audience: the Mastodon client API, ActivityPub and the well-known
 * documents, Starling's web pages, and operations. Registration order does not matter: {@link #install} registers
 * the routes most specific first (at the first segment where two paths differ, a literal segment wins over a
 * {@code {param}}), because Javalin matches in registration order and {@code /api/v1/accounts/lookup} must not be
 * taken for an account id. The same method and path twice is a start-up error.
 *
 * <p>URLs that both browsers and other servers dereference ({@code /users/{name}}, {@code /@{name}}, status URLs)
 * are {@link #negotiated}: one route that answers ActivityPub JSON to a client asking for it and HTML to everyone
 * else.
 */
public final class RouteTable {
    public enum Audience { MASTODON_API, ACTIVITYPUB, WEB, OPERATIONS }

    /** One audience's routes. */
    public final class Section {
        private final Audience audience;

        private Section(Audience audience) {
            this.audience = audience;
        }

        public Section get(String path, Handler handler) {
            return add(HandlerType.GET, path, handler);
        }

        public Section post(String path, Handler handler) {
            return add(HandlerType.POST, path, handler);
        }

        /**
         * An update of a resource: Rails routes {@code update} to both PUT and PATCH and apps pick either (masto.js
         * sends PUT, others PATCH), so every update route answers both.
         */
        public Section update(String path, Handler handler) {
            add(HandlerType.PUT, path, handler);
            return add(HandlerType.PATCH, path, handler);
        }

        public Section delete(String path, Handler handler) {
            return add(HandlerType.DELETE, path, handler);
        }

        private Section add(HandlerType method, String path, Handler handler) {
            String key = method + " " + shape(path);
            Route previous = byKey.putIfAbsent(key, new Route(audience, method, path, handler));
            if (previous != null) {
                throw new IllegalStateException("route registered twice: " + method + " " + path + " ("
                        + previous.audience() + " and " + audience + ")");
            }
            routes.add(byKey.get(key));
            return this;
        }
    }

    /** A registered route. */
    public record Route(Audience audience, HandlerType method, String path, Handler handler) {
    }

    /** A WebSocket endpoint: {@code beforeUpgrade} may refuse the upgrade with an HTTP error. */
    public record Socket(String path, Handler beforeUpgrade, Consumer<WsConfig> socket) {
    }

    private final List<Socket> sockets = new ArrayList<>();
    private final List<Handler> filters = new ArrayList<>();
    private final List<Route> routes = new ArrayList<>();
    private final Map<String, Route> byKey = new HashMap<>();
    private final Map<Audience, Section> sections = new HashMap<>();

    public Section mastodonApi() {
        return section(Audience.MASTODON_API);
    }

    public Section activityPub() {
        return section(Audience.ACTIVITYPUB);
    }

    public Section web() {
        return section(Audience.WEB);
    }

    public Section operations() {
        return section(Audience.OPERATIONS);
    }

    /**
     * A URL shared by browsers and servers: GET answers {@code activity} to a client that asks for ActivityPub JSON
     * ({@link ContentNegotiation#wantsActivityJson}) and {@code html} to everyone else, with {@code Vary: Accept}
     * so caches keep the two apart.
     */
    public void negotiated(String path, Handler html, Handler activity) {
        section(Audience.ACTIVITYPUB).get(path, ctx -> {
            ctx.header("Vary", "Accept");
            if (ContentNegotiation.wantsActivityJson(ctx)) {
                activity.handle(ctx);
            } else {
                html.handle(ctx);
            }
        });
    }

    /** Registers a WebSocket endpoint (a path may also have plain HTTP routes: Javalin tells them apart). */
    public void socket(String path, Handler beforeUpgrade, Consumer<WsConfig> socket) {
        if (sockets.stream().anyMatch(s -> s.path().equals(path))) {
            throw new IllegalStateException("WebSocket " + path + " registered twice");
        }
        sockets.add(new Socket(path, beforeUpgrade, socket));
    }

    /**
     * A filter run before every request's route (after the server's own: request ids, CORS, body and rate limits)
     * and before every WebSocket upgrade, such as the IP {@code no_access} blocks. It ends a request by throwing.
     */
    public void before(Handler filter) {
        filters.add(filter);
    }

    public List<Socket> sockets() {
        return List.copyOf(sockets);
    }

    private Section section(Audience audience) {
        return sections.computeIfAbsent(audience, Section::new);
    }

    /** The routes in the order they are installed: most specific path first, then as registered. */
    public List<Route> routes() {
        List<Route> sorted = new ArrayList<>(routes);
        sorted.sort(Comparator.comparing(Route::path, RouteTable::compareSpecificity));
        return sorted;
    }

    /** Registers every route with Javalin. */
    public void install(JavalinDefaultRoutingApi javalin) {
        for (Handler filter : filters) {
            javalin.before(filter);
            javalin.wsBeforeUpgrade(filter); // a WebSocket upgrade does not pass the HTTP before-handlers
        }
        for (Socket socket : sockets) {
            javalin.wsBeforeUpgrade(socket.path(), socket.beforeUpgrade());
            javalin.ws(socket.path(), socket.socket());
        }
        for (Route route : routes()) {
            Handler handler = route.handler();
            HandlerType method = route.method();
            if (method.equals(HandlerType.GET)) {
                javalin.get(route.path(), handler);
            } else if (method.equals(HandlerType.POST)) {
                javalin.post(route.path(), handler);
            } else if (method.equals(HandlerType.PUT)) {
                javalin.put(route.path(), handler);
            } else if (method.equals(HandlerType.PATCH)) {
                javalin.patch(route.path(), handler);
            } else if (method.equals(HandlerType.DELETE)) {
                javalin.delete(route.path(), handler);
            } else {
                throw new IllegalStateException("unsupported method " + method);
            }
        }
    }

    /** The path with parameter names dropped: two routes with the same shape would shadow each other. */
    static String shape(String path) {
        return path.replaceAll("\\{[^}/]*}", "{}");
    }

    /**
     * Orders paths so that, at the first segment where they differ, a literal segment comes before a parameter;
     * literals compare alphabetically, and a shorter path before a longer one with the same start.
     */
    static int compareSpecificity(String a, String b) {
        String[] as = a.split("/");
        String[] bs = b.split("/");
        for (int i = 0; i < Math.min(as.length, bs.length); i++) {
            boolean ap = isParam(as[i]);
            boolean bp = isParam(bs[i]);
            if (ap != bp) {
                return ap ? 1 : -1;
            }
            if (!ap) {
                int c = as[i].compareTo(bs[i]);
                if (c != 0) {
                    return c;
                }
            }
        }
        return Integer.compare(as.length, bs.length);
    }

    private static boolean isParam(String segment) {
        return segment.startsWith("{") || segment.startsWith("<") || segment.equals("*");
    }
}
