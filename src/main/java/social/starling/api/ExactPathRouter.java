package social.starling.api;

import io.javalin.config.JavalinState;
import io.javalin.http.HandlerType;
import io.javalin.router.InternalRouter;
import io.javalin.router.ParsedEndpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Javalin's router with a table of exact paths in front: Javalin tries each route's regular expression in turn,
 * which cost a request about 3 % of its CPU on the hot timelines ({@code /api/v1/timelines/home} comes after a
 * hundred routes). A route whose path has no parameter or wildcard answers its own path from a hash table, but only
 * when no route registered before it would match that path too: the answer is the one Javalin's scan gives. Any
 * other path (parameters, a trailing slash, doubled slashes) goes to Javalin's scan.
 */
public final class ExactPathRouter extends InternalRouter {
    private volatile Map<HandlerType, Map<String, ParsedEndpoint>> exact;

    ExactPathRouter(JavalinState state) {
        super(state.wsRouter, state.eventManager, state.router, state.jetty);
    }

    /** Installs this router in place of Javalin's; before any route is added. */
    static void install(JavalinState state) {
        state.internalRouter = new ExactPathRouter(state);
    }

    @Override
    public InternalRouter addHttpEndpoint(io.javalin.router.Endpoint endpoint) {
        exact = null;
        return super.addHttpEndpoint(endpoint);
    }

    @Override
    public ParsedEndpoint findFirstHttpHandlerEntry(HandlerType type, String path) {
        Map<HandlerType, Map<String, ParsedEndpoint>> table = exact;
        if (table == null) {
            table = build();
            exact = table;
        }
        Map<String, ParsedEndpoint> paths = table.get(type);
        ParsedEndpoint hit = paths == null ? null : paths.get(path);
        return hit != null ? hit : super.findFirstHttpHandlerEntry(type, path);
    }

    /** Javalin's own answer, by its scan (for tests). */
    public ParsedEndpoint scan(HandlerType type, String path) {
        return super.findFirstHttpHandlerEntry(type, path);
    }

    private Map<HandlerType, Map<String, ParsedEndpoint>> build() {
        Map<HandlerType, List<ParsedEndpoint>> byType = new HashMap<>();
        for (ParsedEndpoint e : allHttpHandlers()) {
            byType.computeIfAbsent(e.endpoint.method, t -> new ArrayList<>()).add(e);
        }
        Map<HandlerType, Map<String, ParsedEndpoint>> out = new HashMap<>();
        byType.forEach((type, endpoints) -> {
            Map<String, ParsedEndpoint> paths = new HashMap<>();
            for (int i = 0; i < endpoints.size(); i++) {
                String path = endpoints.get(i).endpoint.path;
                if (!literal(path) || paths.containsKey(path) || shadowed(endpoints, i, path)) {
                    continue;
                }
                paths.put(path, endpoints.get(i));
            }
            out.put(type, Map.copyOf(paths));
        });
        return Map.copyOf(out);
    }

    private static boolean literal(String path) {
        return path.startsWith("/") && path.chars().noneMatch(c -> c == '{' || c == '}' || c == '<' || c == '>'
                || c == '*');
    }

    /** Whether a route registered before the i-th would match its path (then Javalin's scan picks that one). */
    private static boolean shadowed(List<ParsedEndpoint> endpoints, int i, String path) {
        for (int j = 0; j < i; j++) {
            ParsedEndpoint earlier = endpoints.get(j);
            if (earlier.endpoint.path.equals("*") || earlier.endpoint.path.equals(path) || earlier.matches(path)) {
                return true;
            }
        }
        return false;
    }
}
