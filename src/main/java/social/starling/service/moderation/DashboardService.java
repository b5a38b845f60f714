package social.starling.service.moderation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import social.starling.db.Database;
import social.starling.db.MetricsRepository;
import social.starling.db.Tx;
import social.starling.errors.BadRequestException;
import social.starling.errors.UnprocessableException;
import social.starling.model.Dimension;
import social.starling.model.Measure;
import social.starling.service.follow.AccountDomainBlockService;

/**
 * The admin dashboard's figures (Mastodon's Admin::Metrics): measures per UTC day over {@code start..end}
 * (inclusive) and dimensions over the same days, each computed from what the database holds. Keys that cannot be
 * computed truthfully are left out of the answer, as Mastodon leaves out unknown keys: {@code active_users} (only
 * each user's latest activity is kept, not a history of active days) and the {@code tag_*} keys; among dimensions
 * {@code sources}, {@code space_usage}, {@code software_versions} and {@code tag_*}.
 */
public final class DashboardService {
    /** The longest period answered: two years of daily points. */
    static final int MAX_DAYS = 731;

    private interface Daily {
        Map<Long, Long> count(MetricsRepository m, Tx tx, String domain, Instant from, Instant to);
    }

    private record Kind(Daily daily, boolean perDomain, String unit) {
    }

    private static final Map<String, Kind> MEASURES = Map.ofEntries(
            Map.entry("new_users", new Kind((m, tx, d, f, t) -> m.newUsers(tx, f, t), false, null)),
            Map.entry("interactions", new Kind((m, tx, d, f, t) -> m.interactions(tx, f, t), false, null)),
            Map.entry("opened_reports", new Kind((m, tx, d, f, t) -> m.openedReports(tx, f, t), false, null)),
            Map.entry("resolved_reports", new Kind((m, tx, d, f, t) -> m.resolvedReports(tx, f, t), false, null)),
            Map.entry("instance_accounts", new Kind(MetricsRepository::instanceAccounts, true, null)),
            Map.entry("instance_statuses", new Kind(MetricsRepository::instanceStatuses, true, null)),
            Map.entry("instance_follows", new Kind(MetricsRepository::instanceFollows, true, null)),
            Map.entry("instance_followers", new Kind(MetricsRepository::instanceFollowers, true, null)),
            Map.entry("instance_reports", new Kind(MetricsRepository::instanceReports, true, null)),
            Map.entry("instance_media_attachments", new Kind(MetricsRepository::instanceMediaBytes, true, "bytes")));

    private static final List<String> DIMENSIONS = List.of("languages", "servers", "instance_accounts",
            "instance_languages");

    private final Database db;
    private final MetricsRepository metrics;

    public DashboardService(Database db, MetricsRepository metrics) {
        this.db = db;
        this.metrics = metrics;
    }

    /** The measures among {@code keys}, in the order asked; {@code domains} holds each instance key's domain. */
    public List<Measure> measures(List<String> keys, LocalDate start, LocalDate end, Map<String, String> domains) {
        int days = days(start, end);
        Instant from = start.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = from.plus(days, ChronoUnit.DAYS);
        Instant before = from.minus(days, ChronoUnit.DAYS);
        List<Measure> out = new ArrayList<>();
        for (String key : new LinkedHashSet<>(keys)) {
            Kind kind = MEASURES.get(key);
            if (kind == null) {
                continue;
            }
            String domain = kind.perDomain() ? domain(key, domains) : "";
            out.add(db.read(tx -> {
                Map<Long, Long> counts = kind.daily().count(metrics, tx, domain, from, to);
                List<Measure.Point> points = new ArrayList<>();
                long total = 0;
                for (int i = 0; i < days; i++) {
                    LocalDate day = start.plusDays(i);
                    long value = counts.getOrDefault(day.toEpochDay(), 0L);
                    total += value;
                    points.add(new Measure.Point(day, value));
                }
                Long previous = kind.perDomain() ? null
                        : kind.daily().count(metrics, tx, domain, before, from).values().stream().mapToLong(Long::longValue)
                        .sum();
                return new Measure(key, kind.unit(), total, previous, points);
            }));
        }
        return out;
    }

    /** The dimensions among {@code keys}, in the order asked, each with at most {@code limit} items. */
    public List<Dimension> dimensions(List<String> keys, LocalDate start, LocalDate end, int limit,
                                      Map<String, String> domains) {
        int days = days(start, end);
        Instant from = start.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = from.plus(days, ChronoUnit.DAYS);
        List<Dimension> out = new ArrayList<>();
        for (String key : new LinkedHashSet<>(keys)) {
            if (!DIMENSIONS.contains(key)) {
                continue;
            }
            Map<String, Long> counts;
            Function<String, String> human = Function.identity();
            switch (key) {
                case "languages" -> {
                    counts = db.read(tx -> metrics.languages(tx, "", from, to, limit));
                    human = DashboardService::language;
                }
                case "servers" -> counts = db.read(tx -> metrics.serversByStatuses(tx, from, to, limit));
                case "instance_accounts" -> {
                    String domain = domain(key, domains);
                    counts = db.read(tx -> metrics.mostFollowedOf(tx, domain, from, to, limit));
                }
                default -> {
                    String domain = domain(key, domains);
                    counts = db.read(tx -> metrics.languages(tx, domain, from, to, limit));
                    human = DashboardService::language;
                }
            }
            Function<String, String> humanKey = human;
            out.add(new Dimension(key, counts.entrySet().stream()
                    .map(e -> new Dimension.Item(e.getKey(), humanKey.apply(e.getKey()), Long.toString(e.getValue())))
                    .toList()));
        }
        return out;
    }

    private static int days(LocalDate start, LocalDate end) {
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (days > MAX_DAYS) {
            throw new UnprocessableException("The period may be at most " + MAX_DAYS + " days long");
        }
        return (int) Math.max(0, days);
    }

    private static String domain(String key, Map<String, String> domains) {
        String raw = domains.get(key);
        if (raw == null || raw.isBlank()) {
            throw new BadRequestException("Missing parameter " + key + "[domain]");
        }
        return AccountDomainBlockService.normalise(raw);
    }

    private static String language(String code) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isEmpty() ? code : name;
    }
}
