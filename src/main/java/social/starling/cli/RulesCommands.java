package social.starling.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import social.starling.App;
import social.starling.model.Rule;

/**
 * {@code starling rules ...}: the server's rules, which the sign-up page, the about page and
 * {@code GET /api/v1/instance/rules} show, in order.
 */
@Command(name = "rules", description = "List, add and remove the server's rules.", mixinStandardHelpOptions = true,
        subcommands = {RulesCommands.ListRules.class, RulesCommands.Add.class, RulesCommands.Remove.class})
public final class RulesCommands {
    static final int MAX_TEXT = 300;
    static final int MAX_HINT = 2_000;

    final AppFactory apps;

    RulesCommands(AppFactory apps) {
        this.apps = apps;
    }

    @Command(name = "list", description = "The rules, in the order they are shown, with their ids.")
    static final class ListRules implements Callable<Integer> {
        @CommandLine.ParentCommand
        RulesCommands rules;

        @Override
        public Integer call() {
            try (App app = rules.apps.open()) {
                var all = app.core().db().read(tx -> app.repos().rules().all(tx));
                for (Rule r : all) {
                    System.out.printf("%d\t%s%s%n", r.id(), r.text(), r.hint().isEmpty() ? "" : "\t(" + r.hint() + ")");
                }
                if (all.isEmpty()) {
                    System.out.println("(no rules)");
                }
            }
            return 0;
        }
    }

    @Command(name = "add", description = "Add a rule after the others.")
    static final class Add implements Callable<Integer> {
        @CommandLine.ParentCommand
        RulesCommands rules;

        @CommandLine.Option(names = "--text", required = true, description = "The rule (at most 300 characters).")
        String text;

        @CommandLine.Option(names = "--hint", description = "An explanation shown with it (at most 2,000).")
        String hint = "";

        @Override
        public Integer call() {
            String t = text.strip();
            String h = hint == null ? "" : hint.strip();
            if (t.isEmpty() || t.codePointCount(0, t.length()) > MAX_TEXT
                    || h.codePointCount(0, h.length()) > MAX_HINT) {
                System.err.println("starling: a rule's text must be 1-" + MAX_TEXT + " characters, its hint at most "
                        + MAX_HINT);
                return 2;
            }
            try (App app = rules.apps.open()) {
                long id = app.core().ids().next();
                app.core().db().inTransaction(tx -> {
                    app.repos().rules().insert(tx, new Rule(id, t, h, app.repos().rules().nextPosition(tx)),
                            Clock.systemUTC().instant());
                    return null;
                });
                System.out.println("added rule " + id);
            }
            return 0;
        }
    }

    @Command(name = "remove", description = "Remove a rule by its id (see list).")
    static final class Remove implements Callable<Integer> {
        @CommandLine.ParentCommand
        RulesCommands rules;

        @CommandLine.Parameters(index = "0", description = "The rule's id.")
        long id;

        @Override
        public Integer call() {
            try (App app = rules.apps.open()) {
                boolean removed = app.core().db().inTransaction(tx -> app.repos().rules().delete(tx, id));
                if (!removed) {
                    System.err.println("starling: no rule " + id);
                    return 1;
                }
                System.out.println("removed rule " + id);
            }
            return 0;
        }
    }
}
