package social.starling.service.instance;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.trbl.blurhash.BlurHash;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import social.starling.config.Config;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.InstanceSettingsRepository;
import social.starling.db.RuleRepository;
import social.starling.db.UserRepository;
import social.starling.model.Account;
import social.starling.model.Role;
import social.starling.model.Rule;
import social.starling.model.view.InstanceInfo;
import social.starling.support.Versions;

/**
 * Describes this server: title, rules, registration mode, contact and live counts. The counts are cached for a
 * minute, since apps fetch the instance entity on every start.
 */
public final class InstanceService {
    /** One week of Mastodon's {@code /api/v1/instance/activity}. */
    public record WeekActivity(Instant week, int statuses, int logins, int registrations) {
    }

    /** An admin-editable page (extended description, privacy policy, terms of service). */
    public record Page(String html, Instant updatedAt) {
    }

    static final InstanceInfo.Software SOFTWARE = new InstanceInfo.Software(Versions.STARLING,
            Versions.MASTODON_LEVEL, Versions.MASTODON_COMPATIBLE, Versions.MASTODON_API_VERSION, Versions.SOURCE_URL,
            Versions.HOMEPAGE);

    private final Database db;
    private final Config config;
    private final AccountRepository accounts;
    private final UserRepository users;
    private final RuleRepository rules;
    private final InstanceSettingsRepository settings;
    private final RegistrationSettings registrations;
    private final StatusCounter statusCounter;
    private final Clock clock;
    private final LoadingCache<String, InstanceInfo.Stats> stats;

    /** Counts statuses; statuses are a later part of Starling, so the counting is injected. */
    public interface StatusCounter {
        int localStatuses(social.starling.db.Tx tx);

        int localStatusesBetween(social.starling.db.Tx tx, Instant from, Instant to);
    }

    public InstanceService(Database db, Config config, AccountRepository accounts, UserRepository users,
                           RuleRepository rules, InstanceSettingsRepository settings,
                           RegistrationSettings registrations, StatusCounter statusCounter, Clock clock) {
        this.db = db;
        this.config = config;
        this.accounts = accounts;
        this.users = users;
        this.rules = rules;
        this.settings = settings;
        this.registrations = registrations;
        this.statusCounter = statusCounter;
        this.clock = clock;
        this.stats = Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofMinutes(1))
                .build(key -> countNow());
    }

    /**
     * The BlurHash of the thumbnail the instance entity serves (the default {@code /static/preview.png}; Mastodon
     * serves its default thumbnail too), computed once, 4 by 3 components as Mastodon's. Null if it cannot be read.
     */
    public String thumbnailBlurhash() {
        return DefaultThumbnail.BLURHASH;
    }

    private static final class DefaultThumbnail {
        static final String BLURHASH = compute();

        private static String compute() {
            try (InputStream in = InstanceService.class.getResourceAsStream("/public/static/preview.png")) {
                BufferedImage image = in == null ? null : ImageIO.read(in);
                return image == null ? null : BlurHash.encode(image, 4, 3);
            } catch (IOException e) {
                return null;
            }
        }
    }

    public InstanceInfo describe() {
        Config.Instance instance = config.instance();
        return db.read(tx -> {
            Optional<Account> contact = accounts.findByUsername(tx, instance.ownerUsername(), null)
                    .filter(a -> users.find(tx, a.id()).map(u -> u.role() == Role.OWNER).orElse(false));
            String title = settings.get(tx, "title").orElse(instance.title());
            String description = settings.get(tx, "description").orElse(instance.description());
            // No address is null, never "": the instance entities leave the field out (contact.email, v1 email).
            String email = settings.get(tx, "contact_email").orElse(instance.contactEmail());
            if (email != null && email.isBlank()) {
                email = null;
            }
            return new InstanceInfo(config.server().domain(), title, description, email, contact,
                    registrations.mode(tx), rules.all(tx), stats.get("all"), SOFTWARE);
        });
    }

    public List<Rule> rules() {
        return db.read(rules::all);
    }

    public List<String> peers() {
        return db.read(accounts::knownDomains);
    }

    /** The last 12 weeks, newest first, each starting on Monday 00:00 UTC. */
    public List<WeekActivity> activity() {
        LocalDate monday = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                .with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        return db.read(tx -> {
            List<WeekActivity> weeks = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Instant from = monday.minusWeeks(i).atStartOfDay().toInstant(ZoneOffset.UTC);
                Instant to = from.plus(7, ChronoUnit.DAYS);
                weeks.add(new WeekActivity(from, statusCounter.localStatusesBetween(tx, from, to),
                        users.countActiveBetween(tx, from, to), users.countCreatedBetween(tx, from, to)));
            }
            return weeks;
        });
    }

    public Optional<Page> page(String name) {
        return db.read(tx -> settings.get(tx, name)
                .filter(text -> !text.isBlank())
                .map(text -> new Page(text, settings.updatedAt(tx, name).orElse(Instant.EPOCH))));
    }

    private InstanceInfo.Stats countNow() {
        Instant now = clock.instant();
        // Mastodon's InstancePresenter: confirmed users of unsuspended accounts; active = signed in (Mastodon counts
        // distinct logins per week over 4 and 24 weeks; Starling's last activity over 28 and 180 days).
        return db.read(tx -> new InstanceInfo.Stats(
                users.countConfirmed(tx),
                statusCounter.localStatuses(tx),
                accounts.knownDomains(tx).size(),
                users.countActiveSince(tx, now.minus(28, ChronoUnit.DAYS)),
                users.countActiveSince(tx, now.minus(180, ChronoUnit.DAYS))));
    }

    /** Forgets cached counts (tests, and after bulk changes). */
    public void refresh() {
        stats.invalidateAll();
    }
}
