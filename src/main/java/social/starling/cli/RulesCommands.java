package social.starling.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import social.starling.App;
import social.starling.errors.NotFoundException;
import social.starling.errors.UnprocessableException;
import social.starling.model.Rule;
import social.starling.service.moderation.RuleService;

/**
 * {@code starling rules ...}: the server's rules, which the sign-up page, the about page and
 * {@code GET /api/v1/instance/rules} show, in order.
 */
@Command(name = "rules", description = "List, add and remove the server's rules.", mixinStandardHelpOptions = true,
        subcommands = {RulesCommands.ListRules.class, RulesCommands.Add.class, RulesCommands.Remove.class})
public final class RulesCommands {
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
                var all = app.moderation().rules().list();
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
            try (App app = rules.apps.open()) {
                Rule added = app.moderation().rules().add(CliActor.of(app), text, hint);
                System.out.println("added rule " + added.id());
            } catch (UnprocessableException e) {
                System.err.println("starling: a rule's text must be 1-" + RuleService.MAX_TEXT
                        + " characters, its hint at most " + RuleService.MAX_HINT);
                return 2;
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
                app.moderation().rules().delete(CliActor.of(app), id);
                System.out.println("removed rule " + id);
            } catch (NotFoundException e) {
                System.err.println("starling: no rule " + id);
                return 1;
            }
            return 0;
        }
    }
}
