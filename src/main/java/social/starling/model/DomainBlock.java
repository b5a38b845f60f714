package social.starling.model;

import java.time.Instant;
import java.util.Locale;

/**
 * A server-wide block of a remote domain and its subdomains (Mastodon's DomainBlock). {@link Severity#SILENCE} is
 * what Mastodon's admin screens call "limit"; {@link Severity#NOOP} only carries the reject flags.
 */
public record DomainBlock(long id, String domain, Severity severity, boolean rejectMedia, boolean rejectReports,
                          String privateComment, String publicComment, boolean obfuscate, Instant createdAt,
                          Instant updatedAt) {

    public enum Severity {
        SILENCE, SUSPEND, NOOP;

        /** The API name ({@code silence}, {@code suspend}, {@code noop}); {@code limit} is taken for silence. */
        public static Severity parse(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "silence", "limit" -> SILENCE;
                case "suspend" -> SUSPEND;
                case "noop" -> NOOP;
                default -> throw new IllegalArgumentException("severity must be silence, suspend or noop");
            };
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** How much the severity limits: noop < silence < suspend. */
        public int rank() {
            return switch (this) {
                case NOOP -> 0;
                case SILENCE -> 1;
                case SUSPEND -> 2;
            };
        }
    }

    public boolean suspends() {
        return severity == Severity.SUSPEND;
    }

    public boolean silences() {
        return severity == Severity.SILENCE;
    }
}
