package social.starling.service.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import social.starling.errors.StarlingException;
import social.starling.model.DomainBlock;
import social.starling.service.moderation.DomainModerationService.BlockChange;

/**
 * Domain blocks as CSV, in the format Mastodon's admin screens export and import:
 * {@code #domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate}, one block a line (the header
 * line optional on import; the columns after the domain optional, defaulting as the admin API does, with
 * {@code suspend} when the severity is missing, as Mastodon's import assumes). Fields may be quoted as RFC 4180 says.
 * Each valid line is imported in its own transaction (and audit log entry); a malformed one, or a domain already
 * blocked, is reported by its line number and skipped.
 */
public final class DomainBlockCsv {
    public static final String HEADER = "#domain,#severity,#reject_media,#reject_reports,#public_comment,#obfuscate";

    /** A line not imported: its number (from 1) and why. */
    public record Refused(int line, String reason) {
    }

    public record Result(List<DomainBlock> imported, List<Refused> refused) {
    }

    private final DomainModerationService domains;

    public DomainBlockCsv(DomainModerationService domains) {
        this.domains = domains;
    }

    public Result importCsv(long actorId, String text) {
        List<DomainBlock> imported = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int number = i + 1;
            if (line.isBlank() || (i == 0 && line.strip().toLowerCase(Locale.ROOT).startsWith("#domain"))) {
                continue;
            }
            BlockChange change;
            try {
                change = parse(line);
            } catch (IllegalArgumentException e) {
                refused.add(new Refused(number, e.getMessage()));
                continue;
            }
            try {
                imported.add(domains.create(actorId, change));
            } catch (StarlingException e) {
                refused.add(new Refused(number, e.getMessage()));
            }
        }
        return new Result(imported, refused);
    }

    public String export() {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (DomainBlock b : domains.allBlocks()) {
            out.append(field(b.domain())).append(',').append(b.severity().wireName()).append(',')
                    .append(b.rejectMedia()).append(',').append(b.rejectReports()).append(',')
                    .append(field(b.publicComment() == null ? "" : b.publicComment())).append(',')
                    .append(b.obfuscate()).append('\n');
        }
        return out.toString();
    }

    static BlockChange parse(String line) {
        List<String> f = split(line);
        if (f.size() > 6) {
            throw new IllegalArgumentException("more than 6 fields");
        }
        String domain = f.getFirst().strip();
        if (domain.isEmpty()) {
            throw new IllegalArgumentException("no domain");
        }
        if (DomainPolicy.normalize(domain).isEmpty()) {
            throw new IllegalArgumentException("not a domain: " + domain);
        }
        DomainBlock.Severity severity = DomainBlock.Severity.SUSPEND;
        if (f.size() > 1 && !f.get(1).isBlank()) {
            try {
                severity = DomainBlock.Severity.parse(f.get(1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown severity: " + f.get(1).strip());
            }
        }
        return new BlockChange(domain, severity, bool(f, 2, "reject_media"), bool(f, 3, "reject_reports"), null,
                f.size() > 4 && !f.get(4).isBlank() ? f.get(4) : null, bool(f, 5, "obfuscate"));
    }

    private static Boolean bool(List<String> f, int index, String name) {
        if (f.size() <= index || f.get(index).isBlank()) {
            return false;
        }
        return switch (f.get(index).strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "t", "yes" -> true;
            case "false", "0", "f", "no" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, not " + f.get(index).strip());
        };
    }

    /** RFC 4180 fields of one line: commas separate, double quotes enclose, "" is a quote inside quotes. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("an unclosed quote");
        }
        fields.add(current.toString());
        return fields;
    }

    private static String field(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return "\"" + value.replace("\"", "\"\"").replace("\n", " ") + "\"";
        }
        return value;
    }
}
