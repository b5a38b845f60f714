package social.starling.service.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import social.starling.db.Tx;
import social.starling.db.UserTokenRepository;
import social.starling.support.Hashes;
import social.starling.support.Secrets;

/** Makes and redeems the one-time links sent by e-mail; only their hashes are stored. */
public final class EmailTokens {
    public static final String CONFIRM = "confirm";
    public static final String RESET = "reset";

    private final UserTokenRepository tokens;
    private final Clock clock;

    public EmailTokens(UserTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    public String create(Tx tx, long accountId, String purpose, Duration lifetime) {
        String token = Secrets.token(24);
        Instant now = clock.instant();
        tokens.insert(tx, Hashes.sha256Hex(token), accountId, purpose, now.plus(lifetime), now);
        return token;
    }

    public Optional<Long> redeem(Tx tx, String token, String purpose) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        return tokens.consume(tx, Hashes.sha256Hex(token.trim()), purpose, clock.instant());
    }

    public boolean valid(Tx tx, String token, String purpose) {
        return token != null && token.length() <= 200
                && tokens.valid(tx, Hashes.sha256Hex(token.trim()), purpose, clock.instant());
    }
}
