package social.starling.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import social.starling.App;
import social.starling.errors.StarlingException;
import social.starling.model.DomainBlock;
import social.starling.service.moderation.DomainBlockCsv;
import social.starling.service.moderation.DomainModerationService.BlockChange;

/**
 * {@code starling domain-block ...}: server-wide domain blocks from the command line, as the admin API makes them
 * (the same effects on the domain's accounts; the audit log names the owner, as for every command: {@link CliActor}). {@code import} and {@code export} read and write Mastodon's CSV format.
 */
@Command(name = "domain-block", description = "Block, unblock, import and export blocked domains.",
        mixinStandardHelpOptions = true, subcommands = {DomainBlockCommands.Add.class, DomainBlockCommands.Remove.class,
        DomainBlockCommands.Import.class, DomainBlockCommands.Export.class})
public final class DomainBlockCommands {
    final AppFactory apps;

    DomainBlockCommands(AppFactory apps) {
        this.apps = apps;
    }

    static long actor(App app) {
        return CliActor.of(app);
    }

    @Command(name = "add", description = "Block a domain (and its subdomains).")
    static final class Add implements Callable<Integer> {
        @CommandLine.ParentCommand
        DomainBlockCommands parent;

        @CommandLine.Parameters(index = "0", description = "The domain.")
        String domain;

        @CommandLine.Option(names = "--severity", description = "silence (limit), suspend or noop; default silence.")
        String severity = "silence";

        @CommandLine.Option(names = "--reject-media", description = "Fetch no media from the domain.")
        boolean rejectMedia;

        @CommandLine.Option(names = "--reject-reports", description = "Ignore reports from the domain.")
        boolean rejectReports;

        @CommandLine.Option(names = "--public-comment", description = "Shown with the public list of blocks.")
        String publicComment;

        @CommandLine.Option(names = "--private-comment", description = "Seen by staff only.")
        String privateComment;

        @CommandLine.Option(names = "--obfuscate", description = "Star out part of the domain in the public list.")
        boolean obfuscate;

        @Override
        public Integer call() {
            DomainBlock.Severity level;
            try {
                level = DomainBlock.Severity.parse(severity);
            } catch (IllegalArgumentException e) {
                System.err.println("starling: " + e.getMessage());
                return 2;
            }
            try (App app = parent.apps.open()) {
                DomainBlock block = app.moderation().domains().create(actor(app), new BlockChange(domain, level,
                        rejectMedia, rejectReports, privateComment, publicComment, obfuscate));
                System.out.println("blocked " + block.domain() + " (" + block.severity().wireName() + ")");
                return 0;
            } catch (StarlingException e) {
                System.err.println("starling: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "remove", description = "Lift the block of a domain.")
    static final class Remove implements Callable<Integer> {
        @CommandLine.ParentCommand
        DomainBlockCommands parent;

        @CommandLine.Parameters(index = "0", description = "The domain.")
        String domain;

        @Override
        public Integer call() {
            try (App app = parent.apps.open()) {
                var block = app.moderation().domains().blockByDomain(domain);
                if (block.isEmpty()) {
                    System.err.println("starling: " + domain + " is not blocked");
                    return 1;
                }
                app.moderation().domains().remove(actor(app), block.get().id());
                System.out.println("unblocked " + block.get().domain());
                return 0;
            }
        }
    }

    @Command(name = "import", description = "Import blocks from a CSV file in Mastodon's format.")
    static final class Import implements Callable<Integer> {
        @CommandLine.ParentCommand
        DomainBlockCommands parent;

        @CommandLine.Parameters(index = "0", description = "The CSV file (" + DomainBlockCsv.HEADER + ").")
        Path file;

        @Override
        public Integer call() {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                System.err.println("starling: cannot read " + file + ": " + e.getMessage());
                return 2;
            }
            try (App app = parent.apps.open()) {
                var result = app.moderation().domainCsv().importCsv(actor(app), text);
                System.out.println("imported " + result.imported().size());
                for (var refused : result.refused()) {
                    System.out.println("line " + refused.line() + " refused: " + refused.reason());
                }
                return 0;
            }
        }
    }

    @Command(name = "export", description = "Print every block as CSV in Mastodon's format.")
    static final class Export implements Callable<Integer> {
        @CommandLine.ParentCommand
        DomainBlockCommands parent;

        @Override
        public Integer call() {
            try (App app = parent.apps.open()) {
                System.out.print(app.moderation().domainCsv().export());
                return 0;
            }
        }
    }
}
