package social.starling.convert.entity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;

/**
 * An entry of {@code GET /api/v1/mutes}: Mastodon's REST::MutedAccountSerializer, an Account with one more
 * attribute, {@code mute_expires_at} (4.0.0), null for a mute without end.
 */
public record MutedAccountEntity(
        @JsonUnwrapped AccountEntity account,
        @JsonInclude(JsonInclude.Include.ALWAYS) Instant muteExpiresAt) {
}
