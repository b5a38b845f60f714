package social.starling.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import social.starling.model.RegistrationMode;

/**
 * The whole configuration, as one tree of records. Built by {@link ConfigLoader} from defaults, an optional
 * file and {@code STARLING_*} environment variables; see {@link ConfigOption} for every option.
 */
public record Config(
        Server server,
        Database database,
        Optional<URI> redisUrl,
        Path dataDir,
        Instance instance,
        Jobs jobs,
        Feeds feeds,
        Smtp smtp,
        int nodeId,
        Federation federation,
        Optional<S3> s3,
        Streaming streaming) {

    /**
     * The streaming API: at most {@code maxPerToken} connections at once per access token, at most
     * {@code queueSize} events waiting for a slow connection (then it is closed), a keep-alive every
     * {@code keepAlive}.
     */
    public record Streaming(int maxPerToken, int queueSize, Duration keepAlive) {
    }

    /**
     * Public identity and the listening socket. {@code maxBodyBytes} bounds every request body except multipart
     * uploads, which {@code maxUploadBytes} bounds.
     */
    public record Server(String domain, String protocol, String bind, int port, int maxInFlight,
                         Duration shutdownGrace, long maxBodyBytes, long maxUploadBytes, int apiRateLimit,
                         int apiRateLimitAnonymous) {
        /** Base URL every URI of this server starts with, e.g. {@code https://example.social}. */
        public String baseUrl() {
            return protocol + "://" + domain;
        }

        /** The domain without a port: the part of an account's handle after the @. */
        public String host() {
            int colon = domain.lastIndexOf(':');
            return colon < 0 ? domain : domain.substring(0, colon);
        }
    }

    public record Database(String url, int poolSize, int sqliteMmapMegabytes) {
        public boolean isPostgres() {
            return url.startsWith("jdbc:postgresql:");
        }
    }

    public record Instance(String title, String description, String contactEmail, RegistrationMode registrations,
                           String ownerUsername, Optional<Integer> minAge, boolean memberInvites,
                           int maxPendingSignups, int signupsPerIpPerHour, Audience showDomainBlocks) {
    }

    /** Who may see something the admin chooses to publish (Mastodon's disabled / users / all settings). */
    public enum Audience {
        DISABLED, USERS, ALL;

        public boolean allows(boolean signedIn) {
            return this == ALL || this == USERS && signedIn;
        }
    }

    /** Outgoing e-mail; {@code host} empty means no mail server (links are logged instead). */
    public record Smtp(String host, int port, String user, String password, String from, String security) {
        public boolean configured() {
            return !host.isBlank();
        }
    }

    /** Job runner tuning. Concurrency is per lane. */
    public record Jobs(boolean enabled, int defaultConcurrency, int feedsConcurrency, int deliveryConcurrency,
                       int ingressConcurrency,
                       int pullConcurrency, Duration lease, Duration pollInterval) {
    }

    /** Home feeds are materialised only for accounts active within {@code activeDays}. */
    public record Feeds(int activeDays, int maxItems) {
    }

    /**
     * Object storage for media (set when STARLING_S3_BUCKET is). {@code endpoint} empty: AWS's own for the region;
     * {@code accessKey} empty: the AWS SDK's default credentials. {@code publicUrl}: where readers fetch a key, no
     * trailing slash.
     */
    public record S3(String bucket, Optional<URI> endpoint, String region, String accessKey, String secretKey,
                     boolean pathStyle, String publicUrl) {
        @Override
        public String toString() { // never print the secret
            return "S3[bucket=" + bucket + ", endpoint=" + endpoint.map(URI::toString).orElse("aws") + ", region="
                    + region + ", pathStyle=" + pathStyle + ", publicUrl=" + publicUrl + "]";
        }
    }

    /**
     * Outbound federation requests. {@code allowPrivate} lists the only private, loopback or link-local ranges they
     * may reach (empty in production). Inbound: {@code inboxMaxBytes} bounds an activity POSTed to an inbox.
     * {@code authorizedFetch}: Mastodon's secure mode (signed GETs only). {@code mediaCacheBytes} bounds the cache of
     * remote media; below {@code mediaMinFreeBytes} of free disk it stops caching (emergency mode).
     * {@code limitedFederation}: Mastodon's allowlist mode, only allowed domains federate.
     */
    public record Federation(List<Cidr> allowPrivate, Duration connectTimeout, Duration requestTimeout,
                             int inboxMaxBytes, boolean authorizedFetch, long mediaCacheBytes,
                             long mediaMinFreeBytes, boolean limitedFederation) {
        public Federation {
            allowPrivate = List.copyOf(allowPrivate);
        }
    }
}
