package social.starling.service.instance;

import java.util.List;
import java.util.Optional;
import social.starling.config.RegistrationMode;
import social.starling.model.Account;
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
        Stats stats) {

    /** Counts, refreshed at most once a minute. */
    public record Stats(int userCount, int statusCount, int domainCount, int activeMonth, int activeHalfyear) {
    }
}
