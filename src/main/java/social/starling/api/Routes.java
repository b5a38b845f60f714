package social.starling.api;

import io.javalin.router.JavalinDefaultRoutingApi;

/** A group of routes, registered once at start-up. */
@FunctionalInterface
public interface Routes {
    void register(JavalinDefaultRoutingApi routes);
}
