package social.starling.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import social.starling.model.RegistrationMode;

/**
 * Reads configuration: defaults, then an optional properties file (keys as {@link ConfigOption#fileKey()}), then
 * {@code STARLING_*} environment variables, which win. Every problem becomes a one-line {@link ConfigException}.
 */
public final class ConfigLoader {
    private static final Pattern HOST = Pattern.compile(
            "(?i)^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(:[0-9]{1,5})?$");

    private ConfigLoader() {
    }

    /** Loads from the process environment and, when {@code STARLING_CONFIG} or {@code file} names one, a file. */
    public static Config load(Map<String, String> env, Optional<Path> file) {
        Map<String, String> values = new HashMap<>();
        Optional<Path> configFile = file.or(() -> Optional.ofNullable(env.get("STARLING_CONFIG")).map(Path::of));
        configFile.ifPresent(path -> values.putAll(readFile(path)));
        for (ConfigOption option : ConfigOption.values()) {
            String value = env.get(option.env);
            if (value != null && !value.isBlank()) {
                values.put(option.fileKey(), value.trim());
            }
        }
        return build(values);
    }

    private static Map<String, String> readFile(Path path) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + path + ": " + e.getMessage());
        }
        Map<String, String> values = new HashMap<>();
        for (String key : properties.stringPropertyNames()) {
            String normalised = key.trim().toLowerCase(Locale.ROOT);
            boolean known = false;
            for (ConfigOption option : ConfigOption.values()) {
                known |= option.fileKey().equals(normalised);
            }
            if (!known) {
                throw new ConfigException("unknown option '" + key + "' in " + path);
            }
            values.put(normalised, properties.getProperty(key).trim());
        }
        return values;
    }

    private static Config build(Map<String, String> v) {
        int port = intValue(v, ConfigOption.PORT, 8080, 0, 65535);
        String domain = v.getOrDefault(ConfigOption.DOMAIN.fileKey(), "localhost:" + (port == 0 ? 8080 : port));
        if (!HOST.matcher(domain).matches()) {
            throw new ConfigException("STARLING_DOMAIN must be a host name with an optional port, such as "
                    + "example.social or localhost:8080 (got '" + domain + "')");
        }
        domain = domain.toLowerCase(Locale.ROOT);
        boolean local = domain.startsWith("localhost") || domain.startsWith("127.") || domain.endsWith(".localhost")
                || domain.endsWith(".test");
        String protocol = v.getOrDefault(ConfigOption.PROTOCOL.fileKey(), local ? "http" : "https")
                .toLowerCase(Locale.ROOT);
        if (!protocol.equals("http") && !protocol.equals("https")) {
            throw new ConfigException("STARLING_PROTOCOL must be http or https (got '" + protocol + "')");
        }
        String bind = v.getOrDefault(ConfigOption.BIND.fileKey(), "127.0.0.1");
        Path dataDir = Path.of(v.getOrDefault(ConfigOption.DATA_DIR.fileKey(), "./data")).toAbsolutePath().normalize();

        String dbUrl = v.getOrDefault(ConfigOption.DATABASE_URL.fileKey(),
                "jdbc:sqlite:" + dataDir.resolve("starling.db"));
        if (!dbUrl.startsWith("jdbc:sqlite:") && !dbUrl.startsWith("jdbc:postgresql:")) {
            throw new ConfigException("STARLING_DATABASE_URL must start with jdbc:sqlite: or jdbc:postgresql: (got '"
                    + redactPassword(dbUrl) + "')");
        }
        int pool = intValue(v, ConfigOption.DATABASE_POOL_SIZE, 16, 1, 1000);
        int mmap = intValue(v, ConfigOption.SQLITE_MMAP_MB, 32, 0, 1 << 20);

        Optional<URI> redis = Optional.ofNullable(v.get(ConfigOption.REDIS_URL.fileKey()))
                .filter(s -> !s.isBlank())
                .map(ConfigLoader::redisUri);

        var server = new Config.Server(domain, protocol, bind, port,
                intValue(v, ConfigOption.MAX_IN_FLIGHT, 512, 1, 1_000_000),
                Duration.ofSeconds(intValue(v, ConfigOption.SHUTDOWN_GRACE_SECONDS, 20, 0, 3600)),
                intValue(v, ConfigOption.MAX_BODY_BYTES, 4 * 1024 * 1024, 1024, 1_000_000_000),
                intValue(v, ConfigOption.MAX_UPLOAD_BYTES, 100 * 1024 * 1024, 1024, 1_000_000_000),
                intValue(v, ConfigOption.API_RATE_LIMIT, 1500, 0, 1_000_000_000),
                intValue(v, ConfigOption.API_RATE_LIMIT_ANONYMOUS, 300, 0, 1_000_000_000));
        var instance = new Config.Instance(
                v.getOrDefault(ConfigOption.TITLE.fileKey(), "Starling"),
                v.getOrDefault(ConfigOption.DESCRIPTION.fileKey(), "A friendly place in the fediverse."),
                v.getOrDefault(ConfigOption.CONTACT_EMAIL.fileKey(), ""),
                registrations(v.getOrDefault(ConfigOption.REGISTRATIONS.fileKey(), "open")),
                v.getOrDefault(ConfigOption.OWNER_USERNAME.fileKey(), "owner"),
                v.containsKey(ConfigOption.MIN_AGE.fileKey()) && !v.get(ConfigOption.MIN_AGE.fileKey()).isBlank()
                        ? Optional.of(intValue(v, ConfigOption.MIN_AGE, 0, 1, 120)) : Optional.empty(),
                boolValue(v, ConfigOption.MEMBER_INVITES, false),
                intValue(v, ConfigOption.MAX_PENDING_SIGNUPS, 500, 1, 1_000_000),
                intValue(v, ConfigOption.SIGNUPS_PER_IP_PER_HOUR, 5, 1, 1_000_000),
                audience(v, ConfigOption.SHOW_DOMAIN_BLOCKS));
        String security = v.getOrDefault(ConfigOption.SMTP_SECURITY.fileKey(), "starttls").toLowerCase(Locale.ROOT);
        if (!security.equals("starttls") && !security.equals("tls") && !security.equals("none")) {
            throw new ConfigException("STARLING_SMTP_SECURITY must be starttls, tls or none (got '" + security + "')");
        }
        var smtp = new Config.Smtp(
                v.getOrDefault(ConfigOption.SMTP_HOST.fileKey(), ""),
                intValue(v, ConfigOption.SMTP_PORT, 587, 1, 65535),
                v.getOrDefault(ConfigOption.SMTP_USER.fileKey(), ""),
                v.getOrDefault(ConfigOption.SMTP_PASSWORD.fileKey(), ""),
                v.getOrDefault(ConfigOption.SMTP_FROM.fileKey(), "notifications@" + hostOf(domain)),
                security);
        var jobs = new Config.Jobs(
                boolValue(v, ConfigOption.JOBS_ENABLED, true),
                intValue(v, ConfigOption.JOBS_DEFAULT_CONCURRENCY, 8, 1, 1024),
                // SQLite writes the statuses being distributed at the same moment in one transaction: more at once
                // makes bigger batches (bench/README.md, "Posting"). PostgreSQL gives each its own transaction and
                // connection, from a pool of STARLING_DATABASE_POOL_SIZE.
                intValue(v, ConfigOption.JOBS_FEEDS_CONCURRENCY, dbUrl.startsWith("jdbc:sqlite:") ? 32 : 8, 1, 1024),
                intValue(v, ConfigOption.JOBS_DELIVERY_CONCURRENCY, 64, 1, 1024),
                intValue(v, ConfigOption.JOBS_INGRESS_CONCURRENCY, 16, 1, 1024),
                intValue(v, ConfigOption.JOBS_PULL_CONCURRENCY, 4, 1, 1024),
                Duration.ofSeconds(intValue(v, ConfigOption.JOBS_LEASE_SECONDS, 30, 1, 86_400)),
                Duration.ofMillis(intValue(v, ConfigOption.JOBS_POLL_MILLIS, 1000, 10, 60_000)));
        var feeds = new Config.Feeds(
                intValue(v, ConfigOption.FEED_ACTIVE_DAYS, 30, 1, 3650),
                intValue(v, ConfigOption.FEED_MAX_ITEMS, 800, 20, 100_000));
        var federation = new Config.Federation(
                cidrList(v, ConfigOption.FEDERATION_ALLOW_PRIVATE),
                Duration.ofSeconds(intValue(v, ConfigOption.FEDERATION_CONNECT_TIMEOUT_SECONDS, 5, 1, 600)),
                Duration.ofSeconds(intValue(v, ConfigOption.FEDERATION_REQUEST_TIMEOUT_SECONDS, 30, 1, 3600)),
                intValue(v, ConfigOption.FEDERATION_INBOX_MAX_BYTES, 1_048_576, 1_024, 16 * 1_048_576),
                boolValue(v, ConfigOption.AUTHORIZED_FETCH, false),
                intValue(v, ConfigOption.MEDIA_CACHE_MB, 10240, 0, Integer.MAX_VALUE) * 1_048_576L,
                intValue(v, ConfigOption.MEDIA_MIN_FREE_MB, 1024, 0, Integer.MAX_VALUE) * 1_048_576L,
                boolValue(v, ConfigOption.LIMITED_FEDERATION, false));
        return new Config(server, new Config.Database(dbUrl, pool, mmap), redis, dataDir, instance, jobs, feeds, smtp,
                intValue(v, ConfigOption.NODE_ID, 0, 0, 63), federation, s3(v),
                new Config.Streaming(intValue(v, ConfigOption.STREAMING_MAX_PER_TOKEN, 50, 1, 100_000),
                        intValue(v, ConfigOption.STREAMING_QUEUE_SIZE, 256, 8, 1_000_000),
                        Duration.ofSeconds(intValue(v, ConfigOption.STREAMING_KEEPALIVE_SECONDS, 30, 1, 60))));
    }

    /** Object storage when a bucket is named; its public URL defaults to where the bucket itself answers. */
    private static Optional<Config.S3> s3(Map<String, String> v) {
        String bucket = v.getOrDefault(ConfigOption.S3_BUCKET.fileKey(), "").strip();
        if (bucket.isEmpty()) {
            return Optional.empty();
        }
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new ConfigException("STARLING_S3_BUCKET must be an S3 bucket name: 3-63 lower-case letters, digits, "
                    + "dots and hyphens (got '" + bucket + "')");
        }
        String region = v.getOrDefault(ConfigOption.S3_REGION.fileKey(), "us-east-1").strip();
        if (!region.matches("[a-z0-9-]+")) {
            throw new ConfigException("STARLING_S3_REGION must be a region name such as us-east-1 (got '" + region + "')");
        }
        Optional<URI> endpoint = Optional.ofNullable(v.get(ConfigOption.S3_ENDPOINT.fileKey()))
                .filter(s -> !s.isBlank()).map(s -> httpUrl(ConfigOption.S3_ENDPOINT, s));
        String accessKey = v.getOrDefault(ConfigOption.S3_ACCESS_KEY.fileKey(), "");
        String secretKey = v.getOrDefault(ConfigOption.S3_SECRET_KEY.fileKey(), "");
        if (accessKey.isEmpty() != secretKey.isEmpty()) {
            throw new ConfigException("STARLING_S3_ACCESS_KEY and STARLING_S3_SECRET_KEY go together: set both or "
                    + "neither");
        }
        boolean pathStyle = boolValue(v, ConfigOption.S3_PATH_STYLE, true);
        String publicUrl = Optional.ofNullable(v.get(ConfigOption.S3_PUBLIC_URL.fileKey())).filter(s -> !s.isBlank())
                .map(s -> httpUrl(ConfigOption.S3_PUBLIC_URL, s).toString())
                .orElseGet(() -> bucketUrl(endpoint, region, bucket, pathStyle));
        while (publicUrl.endsWith("/")) {
            publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
        }
        return Optional.of(new Config.S3(bucket, endpoint, region, accessKey, secretKey, pathStyle, publicUrl));
    }

    /** Where the bucket answers: {@code endpoint/bucket} (path style) or {@code scheme://bucket.host} (host style). */
    private static String bucketUrl(Optional<URI> endpoint, String region, String bucket, boolean pathStyle) {
        URI base = endpoint.orElseGet(() -> URI.create("https://s3." + region + ".amazonaws.com"));
        String url = base.toString();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        if (pathStyle) {
            return url + "/" + bucket;
        }
        return base.getScheme() + "://" + bucket + "." + base.getRawAuthority() + (base.getRawPath() == null ? ""
                : base.getRawPath().replaceAll("/+$", ""));
    }

    private static URI httpUrl(ConfigOption option, String value) {
        try {
            URI uri = new URI(value.strip());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new ConfigException(option.env + " must be an http(s) URL such as https://s3.example.net (got '"
                        + value + "')");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(option.env + " is not a valid URL: " + value);
        }
    }

    private static String hostOf(String domain) {
        int colon = domain.lastIndexOf(':');
        return colon < 0 ? domain : domain.substring(0, colon);
    }

    private static URI redisUri(String value) {
        try {
            URI uri = new URI(value);
            if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
                throw new ConfigException("STARLING_REDIS_URL must start with redis:// or rediss:// (got '" + value + "')");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException("STARLING_REDIS_URL is not a valid URL: " + value);
        }
    }

    private static int intValue(Map<String, String> v, ConfigOption option, int fallback, int min, int max) {
        String raw = v.get(option.fileKey());
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                throw new ConfigException(option.env + " must be between " + min + " and " + max + " (got " + raw + ")");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(option.env + " must be a whole number (got '" + raw + "')");
        }
    }

    private static List<Cidr> cidrList(Map<String, String> v, ConfigOption option) {
        String raw = v.get(option.fileKey());
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        List<Cidr> ranges = new ArrayList<>();
        for (String part : raw.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                ranges.add(Cidr.parse(part));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(option.env + ": " + e.getMessage());
            }
        }
        return ranges;
    }

    private static boolean boolValue(Map<String, String> v, ConfigOption option, boolean fallback) {
        String raw = v.get(option.fileKey());
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new ConfigException(option.env + " must be true or false (got '" + raw + "')");
        };
    }

    /** Hides a password in a JDBC URL before it is printed. */
    public static String redactPassword(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static Config.Audience audience(Map<String, String> v, ConfigOption option) {
        String value = v.getOrDefault(option.fileKey(), "disabled").strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "disabled" -> Config.Audience.DISABLED;
            case "users" -> Config.Audience.USERS;
            case "all" -> Config.Audience.ALL;
            default -> throw new ConfigException(option.env + " must be disabled, users or all (got '" + value + "')");
        };
    }

    private static RegistrationMode registrations(String value) {
        return RegistrationMode.parse(value).orElseThrow(() -> new ConfigException(
                "STARLING_REGISTRATIONS must be one of open, approval, invite, closed (got '" + value + "')"));
    }
}
