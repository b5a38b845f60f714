package social.starling.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import social.starling.App;
import social.starling.model.Role;

/** {@code starling admin approve|reject|confirm|disable|enable|set-role|create-invite|pending}. */
final class AccountsAdmin {
    private AccountsAdmin() {
    }

    abstract static class UserCommand implements Callable<Integer> {
        @CommandLine.ParentCommand
        AdminCommands admin;

        @Option(names = "--username", required = true)
        String username;

        abstract String run(App app);

        @Override
        public Integer call() {
            try (App app = admin.apps.open()) {
                System.out.println(run(app));
            }
            return 0;
        }
    }

    @Command(name = "approve", description = "Approve a pending application.")
    static final class Approve extends UserCommand {
        String run(App app) {
            app.accounts().admin().approve(CliActor.of(app), username);
            return "Approved " + username + ".";
        }
    }

    @Command(name = "reject", description = "Reject a pending application (deletes the account).")
    static final class Reject extends UserCommand {
        String run(App app) {
            app.accounts().admin().reject(CliActor.of(app), username);
            return "Rejected " + username + "; the account was deleted.";
        }
    }

    @Command(name = "confirm", description = "Confirm a user's e-mail address by hand.")
    static final class Confirm extends UserCommand {
        String run(App app) {
            app.accounts().admin().confirm(CliActor.of(app), username);
            return "Confirmed the e-mail address of " + username + ".";
        }
    }

    @Command(name = "disable", description = "Disable a login (its sessions end; its tokens stop working).")
    static final class Disable extends UserCommand {
        String run(App app) {
            app.accounts().admin().disable(CliActor.of(app), username);
            return "Disabled " + username + ".";
        }
    }

    @Command(name = "enable", description = "Enable a disabled login.")
    static final class Enable extends UserCommand {
        String run(App app) {
            app.accounts().admin().enable(CliActor.of(app), username);
            return "Enabled " + username + ".";
        }
    }

    @Command(name = "set-role", description = "Set a user's role: owner, admin, moderator or user.")
    static final class SetRole extends UserCommand {
        @Option(names = "--role", required = true)
        String role;

        String run(App app) {
            Role parsed = Role.parse(role);
            app.accounts().admin().setRole(CliActor.of(app), username, parsed);
            return username + " is now " + parsed.wireName() + ".";
        }
    }

    @Command(name = "create-invite", description = "Create an invite link, made by the given user (default: owner).")
    static final class CreateInvite implements Callable<Integer> {
        @CommandLine.ParentCommand
        AdminCommands admin;

        @Option(names = "--username", description = "Who the invite is from (default: the owner account).")
        String username;

        @Option(names = "--max-uses", description = "How many sign-ups it allows (default: unlimited).")
        Integer maxUses;

        @Option(names = "--expires-in-hours", description = "Hours until it expires (default: never).")
        Integer expiresInHours;

        @Override
        public Integer call() {
            try (App app = admin.apps.open()) {
                String from = username != null ? username : app.config().instance().ownerUsername();
                var login = app.accounts().admin().find(from);
                var invite = app.accounts().invites().create(login.account().id(), maxUses,
                        expiresInHours == null ? null : Duration.ofHours(expiresInHours));
                System.out.println("Invite link: " + app.config().server().baseUrl() + "/invite/" + invite.code());
                System.out.println("Code: " + invite.code() + (maxUses == null ? "" : ", " + maxUses + " uses")
                        + (invite.expiresAt() == null ? "" : ", expires " + invite.expiresAt()));
            }
            return 0;
        }
    }

    @Command(name = "pending", description = "List applications waiting for approval.")
    static final class Pending implements Callable<Integer> {
        @CommandLine.ParentCommand
        AdminCommands admin;

        @Override
        public Integer call() {
            try (App app = admin.apps.open()) {
                var pending = app.core().db().read(tx -> app.repos().users().pending(tx, 200));
                if (pending.isEmpty()) {
                    System.out.println("No applications are waiting.");
                }
                for (var u : pending) {
                    var account = app.core().db().read(tx -> app.repos().accounts().find(tx, u.accountId())).orElseThrow();
                    System.out.printf("%s <%s> signed up %s%s: %s%n", account.username(), u.email(), u.createdAt(),
                            u.confirmed() ? "" : " (unconfirmed)", u.signUpReason() == null ? "" : u.signUpReason());
                }
            }
            return 0;
        }
    }
}
