package social.starling.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import social.starling.config.Config;
import social.starling.db.Database;
import social.starling.db.JobRepository;
import social.starling.jobs.JobMetrics;
import social.starling.jobs.JobQueue;
import social.starling.jobs.JobRunner;
import social.starling.jobs.LaneSignals;
import social.starling.model.IdGenerator;
import social.starling.model.LocalUris;
import social.starling.service.event.EventBus;
import social.starling.service.event.InProcessEventBus;
import social.starling.service.event.RedisEventBus;
import social.starling.service.media.LocalMediaStore;
import social.starling.service.media.MediaStore;
import social.starling.service.media.S3MediaStore;
import social.starling.support.Json;
import social.starling.text.StatusFormatter;

/**
 * What every domain uses: configuration, time, JSON, metrics, the database, ids, URIs, the job queue, text
 * formatting, the event bus (in process, or Redis pub/sub when STARLING_REDIS_URL is set) and the media store (files, or
 * an S3 bucket when STARLING_S3_BUCKET is set).
 */
public record Core(Config config, Clock clock, ObjectMapper json, PrometheusMeterRegistry metrics, Database db,
                   IdGenerator ids, LocalUris uris, String baseUrl, String domain, JobRepository jobRepository,
                   LaneSignals laneSignals, JobQueue jobs, JobRunner jobRunner, JobMetrics jobMetrics,
                   StatusFormatter formatter, EventBus events, MediaStore media) {

    /** Opens the database (no migration yet) and builds the job queue and runner (not started). */
    public static Core open(Config config, Clock clock) {
        ObjectMapper json = Json.mapper();
        var metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        new UptimeMetrics().bindTo(metrics);
        Database db = Database.open(config.database(), metrics);
        var ids = new IdGenerator(clock, config.nodeId());
        String baseUrl = config.server().baseUrl();
        // Media URLs point at the bucket (or its CDN) when media is kept in S3, at /system/ here otherwise.
        var uris = config.s3().map(s3 -> new LocalUris(baseUrl, s3.publicUrl())).orElseGet(() -> new LocalUris(baseUrl));
        EventBus events = config.redisUrl().<EventBus>map(url -> new RedisEventBus(url,
                RedisEventBus.channel(config.server().domain()), json)).orElseGet(InProcessEventBus::new);
        var jobRepository = new JobRepository();
        var laneSignals = new LaneSignals();
        var jobs = new JobQueue(jobRepository, ids, clock, json, laneSignals);
        var runner = new JobRunner(db, jobRepository, jobs, clock, config.jobs(), runnerId(config), laneSignals,
                json, metrics);
        return new Core(config, clock, json, metrics, db, ids, uris, baseUrl,
                config.server().domain(), jobRepository, laneSignals, jobs, runner,
                new JobMetrics(db, jobRepository, clock, metrics), new StatusFormatter(baseUrl), events,
                mediaStore(config, uris));
    }

    /** An S3 bucket when STARLING_S3_BUCKET is set, else files under the data directory served at /system/. */
    private static MediaStore mediaStore(Config config, LocalUris uris) {
        return config.s3().<MediaStore>map(S3MediaStore::new)
                .orElseGet(() -> new LocalMediaStore(config.dataDir().resolve("media"), uris));
    }

    private static String runnerId(Config config) {
        String pid = Long.toString(ProcessHandle.current().pid());
        String host = ManagementFactory.getRuntimeMXBean().getName();
        String id = "node" + config.nodeId() + "-" + host + "-" + pid + "-" + Long.toHexString(System.nanoTime());
        return id.length() > 64 ? id.substring(0, 64) : id;
    }
}
