package social.starling.model.view;

import java.util.List;
import social.starling.model.Account;
import social.starling.model.Report;
import social.starling.model.Rule;
import social.starling.model.User;

/**
 * A report as moderators see it (Mastodon's Admin::Report): the parties with their logins (null for a remote
 * account), the moderator assigned and the one who resolved it (null when none), the reported statuses still
 * present and the rules it names.
 */
public record AdminReportView(Report report, Party account, Party target, Party assigned, Party actionTakenBy,
                              List<StatusView> statuses, List<Rule> rules) {

    /** An account and, for a local one, its login. */
    public record Party(Account account, User user) {
    }
}
