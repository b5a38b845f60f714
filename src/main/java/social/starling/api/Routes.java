package social.starling.api;

/** A group of routes, added to the {@link RouteTable} once at start-up. */
@FunctionalInterface
public interface Routes {
    void register(RouteTable routes);
}
