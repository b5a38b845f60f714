package social.starling.api.web;

import java.time.Duration;
import social.starling.service.moderation.AdminDashboardService.Dashboard;

/** {@code /admin}: the counts staff look at first. */
public record AdminDashboardPage(AdminNav nav, Dashboard dashboard, boolean canReviewAccounts) {

    /** "3 s", "12 min", "5 h", "2 d": a job's wait, short. */
    public static String age(Duration d) {
        long s = d.toSeconds();
        if (s < 120) {
            return s + " s";
        }
        if (s < 2 * 3600) {
            return s / 60 + " min";
        }
        if (s < 2 * 86400) {
            return s / 3600 + " h";
        }
        return s / 86400 + " d";
    }
}
