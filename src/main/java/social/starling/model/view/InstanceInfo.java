package social.starling.model.view;

import java.util.List;
import java.util.Optional;
import social.starling.model.Account;
import social.starling.model.RegistrationMode;
import social.starling.model.Rule;

/** What the instance endpoints and NodeInfo say about this server, with live counts. */
public record InstanceInfo(
        String domain,
        String title,
        String description,
        String contactEmail,
        Optional<Account> contactAccount,
        RegistrationMode registrations,
        List<Rule> rules,
        Stats stats,
        Software software) {

    /** Counts, refreshed at most once a minute. */
    public record Stats(int userCount, int statusCount, int domainCount, int activeMonth, int activeHalfyear) {
    }

    /**
     * The software's versions: Starling's own, the Mastodon API level it implements ({@code mastodonCompatible} is
     * what apps read, "4.5.0 (compatible; Starling 0.1.0)"), the Mastodon API version, and where its source is.
     */
    public record Software(String version, String mastodonLevel, String mastodonCompatible, int mastodonApiVersion,
                           String sourceUrl, String homepage) {
    }
}
