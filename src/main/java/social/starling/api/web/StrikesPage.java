package social.starling.api.web;

import java.time.Instant;
import java.util.List;

/** {@code /disputes/strikes}: the signed-in member's strikes, each with its appeal or the form to appeal it. */
public record StrikesPage(String notice, List<Strike> strikes, long errorStrike, String error) {

    public record Strike(long id, String action, String text, Instant createdAt, boolean overruled,
                         String appealState, String appealText, Instant appealedAt) {
        public boolean appealable() {
            return appealState == null && !overruled;
        }
    }
}
