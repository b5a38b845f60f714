package social.starling.api.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as the staff's pages show them: to the minute, in UTC ({@code <time datetime>} keeps the exact instant). */
public final class Times {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    public static String utc(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant);
    }
}
