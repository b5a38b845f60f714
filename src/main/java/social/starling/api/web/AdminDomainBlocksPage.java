package social.starling.api.web;

import java.util.List;
import social.starling.model.DomainBlock;

/**
 * {@code /admin/domain_blocks}: the blocks, the form to add one (or, {@code editing} set, to change that one), the
 * CSV export link and import form, and the outcome of the last import ({@code imported} null when none ran).
 */
public record AdminDomainBlocksPage(AdminNav nav, String notice, List<DomainBlock> blocks, DomainBlock editing,
                                    Form form, String error, Integer imported, List<RefusedLine> refused,
                                    String importError) {

    /** The values in the add/edit form. */
    public record Form(String domain, String severity, boolean rejectMedia, boolean rejectReports,
                       String privateComment, String publicComment, boolean obfuscate) {
        static final Form EMPTY = new Form("", "silence", false, false, "", "", false);

        static Form of(DomainBlock b) {
            return new Form(b.domain(), b.severity().wireName(), b.rejectMedia(), b.rejectReports(),
                    b.privateComment() == null ? "" : b.privateComment(),
                    b.publicComment() == null ? "" : b.publicComment(), b.obfuscate());
        }
    }

    /** A CSV line the import refused: its number, its text and why. */
    public record RefusedLine(int line, String text, String reason) {
    }

    public static String severityLabel(DomainBlock.Severity s) {
        return switch (s) {
            case SILENCE -> "Limit";
            case SUSPEND -> "Suspend";
            case NOOP -> "None";
        };
    }
}
