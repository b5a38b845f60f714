package social.starling.convert;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Times in ActivityPub documents as Mastodon writes them ({@code Time#iso8601}): whole seconds, UTC. */
final class As2Times {
    private As2Times() {
    }

    static String iso(Instant time) {
        return time == null ? null : DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.SECONDS));
    }
}
