package social.starling.cli;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import social.starling.App;
import social.starling.model.Account;
import social.starling.model.Page;
import social.starling.model.Report;

/** {@code starling report ...}: the moderators' report queue from the command line. */
@Command(name = "report", description = "The moderators' report queue.", mixinStandardHelpOptions = true,
        subcommands = {ReportCommands.ListReports.class})
public final class ReportCommands {
    final AppFactory apps;

    ReportCommands(AppFactory apps) {
        this.apps = apps;
    }

    @Command(name = "list", description = "Open reports (or resolved ones), newest first: id, created, reporter, "
            + "target, category, status, assigned moderator.")
    static final class ListReports implements Callable<Integer> {
        @CommandLine.ParentCommand
        ReportCommands parent;

        @CommandLine.Option(names = "--resolved", description = "List resolved reports instead of open ones.")
        boolean resolved;

        @CommandLine.Option(names = "--limit", description = "At most this many (default 100).")
        int limit = 100;

        @Override
        public Integer call() {
            if (limit < 1) {
                System.err.println("starling: --limit must be at least 1");
                return 2;
            }
            try (App app = parent.apps.open()) {
                var reports = app.inbox().reports();
                var accounts = app.repos().accounts();
                Map<Long, Account> byId = new HashMap<>();
                List<Report> page = app.core().db().read(tx -> {
                    List<Report> found = reports.page(tx, resolved, null, null, Page.first(limit));
                    Set<Long> ids = new HashSet<>();
                    for (Report r : found) {
                        ids.add(r.accountId());
                        ids.add(r.targetAccountId());
                        if (r.assignedAccountId() != null) {
                            ids.add(r.assignedAccountId());
                        }
                    }
                    accounts.findAll(tx, ids).forEach(a -> byId.put(a.id(), a));
                    return found;
                });
                if (page.isEmpty()) {
                    System.out.println(resolved ? "(no resolved reports)" : "(no open reports)");
                    return 0;
                }
                System.out.println("id\tcreated\treporter\ttarget\tcategory\tstatus\tassigned");
                for (Report r : page) {
                    System.out.printf("%d\t%s\t%s\t%s\t%s\t%s\t%s%n", r.id(), r.createdAt(), acct(byId, r.accountId()),
                            acct(byId, r.targetAccountId()), r.category(), r.resolved() ? "resolved" : "open",
                            r.assignedAccountId() == null ? "-" : acct(byId, r.assignedAccountId()));
                }
            }
            return 0;
        }

        private static String acct(Map<Long, Account> byId, long id) {
            Account a = byId.get(id);
            return a == null ? "#" + id : a.acct();
        }
    }
}
