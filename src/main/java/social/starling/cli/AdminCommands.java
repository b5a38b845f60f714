package social.starling.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import social.starling.App;
import social.starling.model.Role;
import social.starling.service.account.NewLocalAccount;

/** {@code starling admin ...}: account administration from the server's shell. */
@Command(name = "admin", description = "Administer accounts.", mixinStandardHelpOptions = true,
        subcommands = {AdminCommands.CreateAccount.class, AdminCommands.ResetPassword.class,
                AccountsAdmin.Approve.class, AccountsAdmin.Reject.class, AccountsAdmin.Confirm.class,
                AccountsAdmin.Disable.class, AccountsAdmin.Enable.class, AccountsAdmin.SetRole.class,
                AccountsAdmin.CreateInvite.class, AccountsAdmin.Pending.class})
public final class AdminCommands {
    final AppFactory apps;

    AdminCommands(AppFactory apps) {
        this.apps = apps;
    }

    @Command(name = "create-account", description = "Create a confirmed, approved local account.")
    static final class CreateAccount implements Callable<Integer> {
        @CommandLine.ParentCommand
        AdminCommands admin;

        @Option(names = "--username", required = true)
        String username;

        @Option(names = "--email", required = true)
        String email;

        @Option(names = "--role", defaultValue = "user", description = "owner, admin, moderator or user")
        String role;

        @Option(names = "--password", description = "Generated and printed when left out.")
        String password;

        @Override
        public Integer call() {
            Role parsed = Role.parse(role);
            String chosen = password != null ? password : social.starling.support.Secrets.password(20);
            try (App app = admin.apps.open()) {
                var account = app.accounts().createLocalAccount().create(
                        NewLocalAccount.ready(username, email, chosen, parsed));
                System.out.printf("Created %s (id %d, role %s).%n", account.acct(), account.id(), parsed.wireName());
                if (password == null) {
                    System.out.println("Password: " + chosen);
                }
            }
            return 0;
        }
    }

    @Command(name = "reset-password", description = "Set a new password for a local user.")
    static final class ResetPassword implements Callable<Integer> {
        @CommandLine.ParentCommand
        AdminCommands admin;

        @Option(names = "--username", required = true)
        String username;

        @Option(names = "--password", description = "Generated and printed when left out.")
        String password;

        @Override
        public Integer call() {
            String chosen = password != null ? password : social.starling.support.Secrets.password(20);
            try (App app = admin.apps.open()) {
                app.accounts().resetPassword().reset(username, chosen);
            }
            System.out.println("Password changed for " + username + ".");
            if (password == null) {
                System.out.println("New password: " + chosen);
            }
            return 0;
        }
    }
}
