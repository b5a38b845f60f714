package social.starling.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import social.starling.App;

/**
 * {@code starling account suspend|unsuspend <username|user@domain>}: the moderators' suspension from the command
 * line, through the same service (and audit log, acting as the owner) as the admin API.
 */
@Command(name = "account", description = "Moderate an account.", mixinStandardHelpOptions = true,
        subcommands = {AccountCommands.Suspend.class, AccountCommands.Unsuspend.class})
public final class AccountCommands {
    final AppFactory apps;

    AccountCommands(AppFactory apps) {
        this.apps = apps;
    }

    abstract static class HandleCommand implements Callable<Integer> {
        @CommandLine.ParentCommand
        AccountCommands parent;

        @Parameters(index = "0", paramLabel = "ACCOUNT", description = "username, or user@domain for a remote one")
        String handle;

        abstract String run(App app);

        @Override
        public Integer call() {
            try (App app = parent.apps.open()) {
                System.out.println(run(app));
            }
            return 0;
        }
    }

    @Command(name = "suspend", description = "Suspend an account: hidden at once, its data deleted after 30 days.")
    static final class Suspend extends HandleCommand {
        String run(App app) {
            app.accounts().admin().suspend(CliActor.of(app), handle);
            return "Suspended " + handle + "; its data will be deleted in 30 days unless it is unsuspended.";
        }
    }

    @Command(name = "unsuspend", description = "Lift a suspension (within 30 days, everything is restored).")
    static final class Unsuspend extends HandleCommand {
        String run(App app) {
            app.accounts().admin().unsuspend(CliActor.of(app), handle);
            return "Unsuspended " + handle + ".";
        }
    }
}
