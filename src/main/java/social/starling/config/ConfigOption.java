package social.starling.config;

import java.util.Locale;

/**
 * Every configuration option: its environment variable, its key in the config file (the variable's name without
 * {@code STARLING_}, in lower case) and its default. The README's reference table lists the same options.
 */
public enum ConfigOption {
    DOMAIN("STARLING_DOMAIN", "localhost:<port>",
            "Public host[:port] used in every URI and handle. Cannot change once others have seen it."),
    PROTOCOL("STARLING_PROTOCOL", "http for localhost, https otherwise", "http or https, as seen by the public."),
    BIND("STARLING_BIND", "127.0.0.1", "Address to listen on (0.0.0.0 for all interfaces)."),
    PORT("STARLING_PORT", "8080", "Port to listen on."),
    DATA_DIR("STARLING_DATA_DIR", "./data", "Where the SQLite file and uploaded media are kept."),
    DATABASE_URL("STARLING_DATABASE_URL", "jdbc:sqlite:<data dir>/starling.db",
            "jdbc:sqlite:<file> or jdbc:postgresql://host:port/db?user=..&password=.."),
    DATABASE_POOL_SIZE("STARLING_DATABASE_POOL_SIZE", "16", "PostgreSQL connections (SQLite: readers)."),
    SQLITE_MMAP_MB("STARLING_SQLITE_MMAP_MB", "32", "SQLite only: how much of the database file is read through "
            + "a memory map (faster reads; those pages count in the process's resident size); 0 turns it off."),
    REDIS_URL("STARLING_REDIS_URL", "", "redis://host:port (or rediss://), shared by every node of one server: "
            + "carries events between nodes so their caches see each other's changes at once. Not needed on one node."),
    NODE_ID("STARLING_NODE_ID", "0", "0-63, distinct per node when several nodes share one database."),
    TITLE("STARLING_TITLE", "Starling", "The server's name, shown to visitors and apps."),
    DESCRIPTION("STARLING_DESCRIPTION", "A friendly place in the fediverse.", "One or two plain-text sentences."),
    CONTACT_EMAIL("STARLING_CONTACT_EMAIL", "", "Where people can reach the admins."),
    REGISTRATIONS("STARLING_REGISTRATIONS", "open",
            "open, approval, invite or closed (the default until staff choose at /admin/settings/registrations)."),
    SHOW_DOMAIN_BLOCKS("STARLING_SHOW_DOMAIN_BLOCKS", "disabled",
            "Who may read GET /api/v1/instance/domain_blocks: disabled (404, as Mastodon's default), users (signed-in "
            + "members) or all (anyone). Mastodon's show_domain_blocks setting: the silenced and suspended domains."),
    OWNER_USERNAME("STARLING_OWNER_USERNAME", "owner", "Username of the owner account created on first start."),
    MIN_AGE("STARLING_MIN_AGE", "", "Minimum age to sign up; when set, sign-up asks for a date of birth."),
    MEMBER_INVITES("STARLING_MEMBER_INVITES", "false", "Whether members (not only staff) may create invite links."),
    MAX_PENDING_SIGNUPS("STARLING_MAX_PENDING_SIGNUPS", "500",
            "With approval required: past this many waiting applications, new ones get 429 until staff catch up."),
    SIGNUPS_PER_IP_PER_HOUR("STARLING_SIGNUPS_PER_IP_PER_HOUR", "5", "Sign-ups allowed from one IP address per hour."),
    SMTP_HOST("STARLING_SMTP_HOST", "", "Mail server for confirmation and password-reset e-mails; unset: links are logged."),
    SMTP_PORT("STARLING_SMTP_PORT", "587", "Mail server port."),
    SMTP_USER("STARLING_SMTP_USER", "", "Mail server login."),
    SMTP_PASSWORD("STARLING_SMTP_PASSWORD", "", "Mail server password."),
    SMTP_FROM("STARLING_SMTP_FROM", "notifications@<domain>", "Sender address of Starling's e-mails."),
    SMTP_SECURITY("STARLING_SMTP_SECURITY", "starttls", "starttls, tls or none."),
    MAX_IN_FLIGHT("STARLING_MAX_IN_FLIGHT", "512",
            "Requests handled at once; beyond it Starling answers 503 with Retry-After."),
    API_RATE_LIMIT("STARLING_API_RATE_LIMIT", "1500",
            "API requests per access token per 5 minutes (Mastodon's limit), then 429; 0 turns the limit off."),
    API_RATE_LIMIT_ANONYMOUS("STARLING_API_RATE_LIMIT_ANONYMOUS", "300",
            "API requests without a token per address per 5 minutes (Mastodon's limit), then 429; 0 turns it off."),
    MAX_BODY_BYTES("STARLING_MAX_BODY_BYTES", "4194304",
            "Largest request body accepted (bytes), uploads aside; a larger one is answered 413."),
    MAX_UPLOAD_BYTES("STARLING_MAX_UPLOAD_BYTES", "104857600",
            "Largest multipart (file upload) request body accepted (bytes); a larger one is answered 413."),
    SHUTDOWN_GRACE_SECONDS("STARLING_SHUTDOWN_GRACE_SECONDS", "20", "How long shutdown waits for in-flight work."),
    JOBS_ENABLED("STARLING_JOBS_ENABLED", "true", "Run background jobs in this process."),
    JOBS_DEFAULT_CONCURRENCY("STARLING_JOBS_DEFAULT_CONCURRENCY", "8", "Jobs for local people (mail, edits, polls)."),
    JOBS_FEEDS_CONCURRENCY("STARLING_JOBS_FEEDS_CONCURRENCY", "32 on SQLite, 8 on PostgreSQL",
            "New statuses distributed into home feeds at once (on SQLite those running together share one transaction)."),
    JOBS_DELIVERY_CONCURRENCY("STARLING_JOBS_DELIVERY_CONCURRENCY", "64",
            "Outbound deliveries at once (virtual threads: a slow host holds one of them for up to the request timeout)."),
    JOBS_INGRESS_CONCURRENCY("STARLING_JOBS_INGRESS_CONCURRENCY", "16", "Inbound activities processed at once."),
    JOBS_PULL_CONCURRENCY("STARLING_JOBS_PULL_CONCURRENCY", "4", "Backfills and remote fetches at once."),
    JOBS_LEASE_SECONDS("STARLING_JOBS_LEASE_SECONDS", "30",
            "A claimed job whose runner stops renewing it (every third of this) is retried after this long."),
    JOBS_POLL_MILLIS("STARLING_JOBS_POLL_MILLIS", "1000", "How often idle runners look for jobs from other nodes."),
    FEED_ACTIVE_DAYS("STARLING_FEED_ACTIVE_DAYS", "30", "Home feeds are kept for accounts active this recently."),
    STREAMING_MAX_PER_TOKEN("STARLING_STREAMING_MAX_PER_TOKEN", "50",
            "Streaming connections open at once per access token; more are refused (429, or the WebSocket closed)."),
    STREAMING_QUEUE_SIZE("STARLING_STREAMING_QUEUE_SIZE", "256",
            "Events waiting to be sent to one streaming connection; a connection that falls further behind is closed."),
    STREAMING_KEEPALIVE_SECONDS("STARLING_STREAMING_KEEPALIVE_SECONDS", "30",
            "Seconds between keep-alives on idle streaming connections (WebSocket pings, SSE comments)."),
    FEED_MAX_ITEMS("STARLING_FEED_MAX_ITEMS", "800", "Entries kept per home feed."),
    FEDERATION_ALLOW_PRIVATE("STARLING_FEDERATION_ALLOW_PRIVATE", "",
            "Comma-separated address ranges (such as 127.0.0.0/8,::1/128) that outbound federation requests may reach "
                    + "although private, loopback or link-local. For development and tests only."),
    FEDERATION_CONNECT_TIMEOUT_SECONDS("STARLING_FEDERATION_CONNECT_TIMEOUT_SECONDS", "5",
            "How long an outbound federation request may take to connect."),
    FEDERATION_REQUEST_TIMEOUT_SECONDS("STARLING_FEDERATION_REQUEST_TIMEOUT_SECONDS", "30",
            "How long an outbound federation request may take in all, redirects and body included."),
    FEDERATION_INBOX_MAX_BYTES("STARLING_FEDERATION_INBOX_MAX_BYTES", "1048576",
            "The largest activity an inbox takes, in bytes (larger ones are answered 413)."),
    MEDIA_CACHE_MB("STARLING_MEDIA_CACHE_MB", "10240",
            "Disk the cached copies of remote media may take (MB); the least recently shown are evicted beyond it "
                    + "and fetched again when shown."),
    MEDIA_MIN_FREE_MB("STARLING_MEDIA_MIN_FREE_MB", "1024",
            "Emergency mode: when the media disk has less free space than this (MB), remote media is not cached "
                    + "(served from its origin) and the cache is evicted down to half its quota."),
    LIMITED_FEDERATION("STARLING_LIMITED_FEDERATION", "false",
            "Mastodon's limited federation (allowlist) mode: only domains on the admin's allow list "
                    + "(/api/v1/admin/domain_allows) federate; activities from others are dropped, nothing is delivered "
                    + "to or fetched from them."),
    AUTHORIZED_FETCH("STARLING_AUTHORIZED_FETCH", "false",
            "Mastodon's secure mode: ActivityPub documents (actors, notes, activities, collections) are served only to "
                    + "requests with a valid HTTP signature; the instance actor, WebFinger and NodeInfo stay public."),
    S3_BUCKET("STARLING_S3_BUCKET", "",
            "When set, uploaded media is kept in this S3 (or S3-compatible) bucket instead of the data directory."),
    S3_ENDPOINT("STARLING_S3_ENDPOINT", "AWS's endpoint for the region",
            "URL of an S3-compatible server (MinIO, Garage, Ceph, R2, ...), such as https://s3.example.net."),
    S3_REGION("STARLING_S3_REGION", "us-east-1", "The bucket's region (S3-compatible servers mostly ignore it)."),
    S3_ACCESS_KEY("STARLING_S3_ACCESS_KEY", "",
            "Access key id; unset: the AWS SDK's default credentials (environment, profile, instance role)."),
    S3_SECRET_KEY("STARLING_S3_SECRET_KEY", "", "Secret access key, with STARLING_S3_ACCESS_KEY."),
    S3_PATH_STYLE("STARLING_S3_PATH_STYLE", "true",
            "Address the bucket in the path (endpoint/bucket/key) rather than in the host name (bucket.endpoint/key)."),
    S3_PUBLIC_URL("STARLING_S3_PUBLIC_URL", "endpoint/bucket (path style) or https://bucket.host (host style)",
            "Where the public reads media: a CDN or the bucket's public address; a file's URL is this, /, its key. "
                    + "The bucket (or the CDN) must let anyone read objects.");

    public final String env;
    public final String defaultText;
    public final String description;

    ConfigOption(String env, String defaultText, String description) {
        this.env = env;
        this.defaultText = defaultText;
        this.description = description;
    }

    /** The key in a config file: {@code STARLING_DATABASE_URL} is {@code database_url}. */
    public String fileKey() {
        return env.substring("STARLING_".length()).toLowerCase(Locale.ROOT);
    }
}
