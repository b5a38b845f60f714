package social.starling.service.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import social.starling.db.AdminRepository;
import social.starling.db.Database;
import social.starling.db.JobRepository;
import social.starling.db.UserRepository;
import social.starling.model.federation.RemoteHost;

/**
 * What the staff dashboard shows at a glance: applications waiting for approval, open reports, the job queue per
 * lane (due, running, dead, how long the oldest due job has waited) and the remote hosts deliveries fail to most.
 */
public final class AdminDashboardService {
    /** How many failing hosts the dashboard lists. */
    public static final int WORST_HOSTS = 10;

    public record Lane(String name, int due, int scheduled, int running, int dead, Duration oldestDueAge) {
    }

    public record Host(String domain, int failures, Instant firstFailureAt, Instant lastFailureAt,
                       boolean unavailable, Instant lastSuccessAt) {
    }

    public record Dashboard(int pendingSignups, int openReports, List<Lane> lanes, List<Host> failingHosts) {
        public int due() {
            return lanes.stream().mapToInt(Lane::due).sum();
        }

        public int dead() {
            return lanes.stream().mapToInt(Lane::dead).sum();
        }

        /** The longest wait of any due job; zero when nothing is due. */
        public Duration oldestDueAge() {
            return lanes.stream().map(Lane::oldestDueAge).max(Duration::compareTo).orElse(Duration.ZERO);
        }
    }

    private final Database db;
    private final UserRepository users;
    private final JobRepository jobs;
    private final AdminRepository admin;
    private final Clock clock;

    public AdminDashboardService(Database db, UserRepository users, JobRepository jobs, AdminRepository admin,
                                 Clock clock) {
        this.db = db;
        this.users = users;
        this.jobs = jobs;
        this.admin = admin;
        this.clock = clock;
    }

    public Dashboard dashboard() {
        Instant now = clock.instant();
        return db.read(tx -> new Dashboard(users.countPending(tx), admin.countOpenReports(tx),
                jobs.stats(tx, now).stream().map(s -> new Lane(s.lane(), s.due(), s.scheduled(), s.running(),
                        s.dead(), s.oldestDue().map(t -> positive(Duration.between(t, now))).orElse(Duration.ZERO)))
                        .toList(),
                admin.failingHosts(tx, WORST_HOSTS).stream().map(AdminDashboardService::host).toList()));
    }

    private static Host host(RemoteHost h) {
        return new Host(h.domain(), h.failures(), h.firstFailureAt(), h.lastFailureAt(), h.unavailableSince() != null,
                h.lastSuccessAt());
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
