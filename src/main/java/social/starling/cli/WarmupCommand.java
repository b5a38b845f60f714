package social.starling.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import social.starling.App;
import social.starling.config.ConfigLoader;

/**
 * {@code starling warmup}: a training run for the JVM's ahead-of-time cache. It starts a throw-away server on a
 * temporary SQLite file, calls a few endpoints and exits, so that {@code -XX:AOTCacheOutput} records the classes
 * a real start loads. The launcher runs it once per build; later starts load the cache and reach /readyz sooner.
 */
@Command(name = "warmup", hidden = true, description = "Training run for the JVM's AOT cache.")
public final class WarmupCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("starling-warmup");
        try {
            Map<String, String> env = new HashMap<>();
            env.put("STARLING_DATA_DIR", dir.toString());
            env.put("STARLING_PORT", "0");
            env.put("STARLING_DOMAIN", "localhost:1");
            try (App app = new App(ConfigLoader.load(env, Optional.empty()), Clock.systemUTC())) {
                app.start();
                HttpClient client = HttpClient.newHttpClient();
                for (String path : new String[] {"/readyz", "/api/v2/instance", "/api/v1/instance",
                        "/nodeinfo/2.0", "/api/v1/nope"}) {
                    client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                            HttpResponse.BodyHandlers.discarding());
                }
            }
            return 0;
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
