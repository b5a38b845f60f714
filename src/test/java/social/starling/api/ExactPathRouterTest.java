package social.starling.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.TestApp;

/** The exact-path table in front of Javalin's router answers every path as Javalin's own scan does. */
class ExactPathRouterTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    @Test
    void everyRouteAndSomeConcretePathsFindWhatJavalinsScanFinds() {
        ExactPathRouter router = server.app().http().router();
        List<String> paths = new ArrayList<>();
        for (ParsedEndpoint e : router.allHttpHandlers()) {
            String path = e.endpoint.path;
            paths.add(path);
            // the route's path with its parameters filled in: another route may be the one Javalin picks
            paths.add(path.replaceAll("\\{[^}]*}", "123").replaceAll("<[^>]*>", "a/b"));
            paths.add(path + "/");
        }
        paths.addAll(List.of("/api/v1/timelines/home", "/api/v1/accounts/lookup", "/api/v1/accounts/relationships",
                "/api/v1/accounts/verify_credentials", "/api/v1/statuses/123/context", "/nope", "/", "//api/v1/apps"));
        int exact = 0;
        for (HandlerType type : List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
                HandlerType.DELETE, HandlerType.HEAD, HandlerType.OPTIONS)) {
            for (String path : paths) {
                ParsedEndpoint fast = router.findFirstHttpHandlerEntry(type, path);
                assertThat(fast).as("%s %s", type, path).isSameAs(router.scan(type, path));
                if (fast != null && fast.endpoint.path.equals(path)) {
                    exact++;
                }
            }
        }
        // the comparison covered the routes the table holds (paths without parameters), not only misses
        assertThat(router.findFirstHttpHandlerEntry(HandlerType.GET, "/api/v1/timelines/home").endpoint.path)
                .isEqualTo("/api/v1/timelines/home");
        assertThat(exact).isGreaterThan(100);
    }
}
