package social.starling.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import java.net.BindException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import social.starling.config.Config;
import social.starling.config.ConfigException;

/**
 * The HTTP server: Javalin on Jetty with virtual threads, Mastodon's JSON conventions, one error mapper, CORS,
 * compression, request ids, per-route timings and admission control. Routes come from one {@link RouteTable}.
 */
public final class HttpServer {
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
    /** The deflate level of gzipped answers (1 fastest, 9 smallest). */
    static final int GZIP_LEVEL = 1;

    private final Config.Server config;
    private final Admission admission;
    private final Javalin javalin;

    public HttpServer(Config.Server config, ObjectMapper json, Admission admission, MeterRegistry metrics,
                      java.nio.file.Path mediaRoot, RouteTable routes) {
        this.config = config;
        this.admission = admission;
        this.javalin = Javalin.create(c -> {
            ExactPathRouter.install(c.unsafe);
            c.concurrency.useVirtualThreads = true;
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.jetty.host = config.bind();
            c.jetty.port = config.port();
            c.jetty.modifyServer(server -> {
                server.setStopTimeout(config.shutdownGrace().toMillis());
                server.setErrorHandler(new JsonErrorHandler());
            });
            // Streaming sockets are kept alive by pings every 30 s at most (StreamHub); a silent peer is dropped.
            c.jetty.modifyWebSocketServletFactory(ws -> ws.setIdleTimeout(Duration.ofSeconds(120)));
            c.jsonMapper(new JavalinJackson(json, true));
            // gzip at level 1, as nginx compresses by default: the apps all ask for gzip, and at Javalin's level 6
            // compressing a home page took as much CPU as making it (bench/README.md, "gzip"); level 1 answers 15 %
            // more bytes for a third of the work.
            c.http.compressionStrategy = new CompressionStrategy(null, new Gzip(GZIP_LEVEL));
            c.http.maxRequestSize = config.maxBodyBytes();
            c.jetty.multipartConfig.maxTotalRequestSize(config.maxUploadBytes(), SizeUnit.BYTES);
            c.jetty.multipartConfig.maxFileSize(config.maxUploadBytes(), SizeUnit.BYTES);
            // Parts above this go to a temporary file, never whole into the heap (video uploads are up to 99 MB).
            c.jetty.multipartConfig.maxInMemoryFileSize(256, SizeUnit.KB);
            c.http.defaultContentType = "application/json";
            c.router.ignoreTrailingSlashes = true;
            c.router.treatMultipleSlashesAsSingleSlash = true;
            c.router.handlerWrapper(admission::wrap);
            c.requestLogger.http((ctx, millis) -> record(metrics, ctx, millis));
            c.routes.before(ctx -> social.starling.db.QueryCounter.reset());
            c.routes.before(RequestIds::assign);
            c.routes.before(Cors::handle);
            BodyLimit bodyLimit = new BodyLimit(config.maxBodyBytes(), config.maxUploadBytes());
            c.routes.before(bodyLimit::check);
            c.routes.after(bodyLimit::drainUnread);
            c.routes.before(new RateLimits(config.apiRateLimit(), config.apiRateLimitAnonymous(),
                    java.time.Clock.systemUTC())::check);
            ErrorMapper.register(c.routes);
            // Uploaded media (avatars, headers, attachments) under the data directory, as Mastodon's /system/.
            new MediaFiles(mediaRoot).install(c.routes);
            routes.install(c.routes);
        });
    }

    private static void record(MeterRegistry metrics, Context ctx, Float millis) {
        String route;
        try {
            // The route's own handler, not the before and after handlers that ran around it.
            io.javalin.router.Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
            route = endpoint == null ? "unmatched" : endpoint.path;
        } catch (RuntimeException e) {
            route = "unmatched";
        }
        Timer.builder("starling.http.requests")
                .description("HTTP requests by route")
                .tag("method", ctx.method().name())
                .tag("route", route)
                .tag("status", Integer.toString(ctx.statusCode()))
                .publishPercentileHistogram(false)
                .register(metrics)
                .record((long) (millis * 1000), TimeUnit.MICROSECONDS);
        DistributionSummary.builder("starling.http.queries")
                .description("SQL statements run per HTTP request, by route")
                .tag("method", ctx.method().name())
                .tag("route", route)
                .register(metrics)
                .record(social.starling.db.QueryCounter.count());
        if (log.isDebugEnabled()) {
            log.debug("{} {} {} {}ms {}", ctx.method(), ctx.path(), ctx.statusCode(), millis, RequestIds.of(ctx));
        }
    }

    /** Starts listening; a port already in use is a {@link ConfigException} with one clear line. */
    public void start() {
        try {
            javalin.start();
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause != null && !(cause instanceof BindException)) {
                cause = cause.getCause();
            }
            if (cause != null) {
                throw new ConfigException("cannot listen on " + config.bind() + ":" + config.port()
                        + ": the port is already in use (set STARLING_PORT or STARLING_BIND)");
            }
            throw e;
        }
    }

    /** The router requests are matched by: Javalin's, with a table of exact paths in front. */
    public ExactPathRouter router() {
        return (ExactPathRouter) javalin.unsafe.internalRouter;
    }

    public int port() {
        return javalin.port();
    }

    /** Refuses new requests, lets in-flight ones finish for up to {@code grace}, then stops Jetty. */
    public void stop(Duration grace) {
        boolean drained = admission.drain(grace);
        if (!drained) {
            log.warn("{} requests still in flight after {}s; stopping anyway", admission.inFlight(),
                    grace.toSeconds());
        }
        javalin.stop();
    }
}
