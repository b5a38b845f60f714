package social.starling.service.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.password4j.Password;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(2, Duration.ofSeconds(10));

    @Test
    void newHashesAreArgon2idAndVerify() {
        String hash = hasher.hash("a long enough password");
        assertThat(hash).startsWith("$argon2id$");
        assertThat(hasher.verify("a long enough password", hash)).isTrue();
        assertThat(hasher.verify("another password", hash)).isFalse();
        assertThat(hasher.needsRehash(hash)).isFalse();
    }

    @Test
    void importedBcryptHashesVerifyAndAskToBeUpgraded() {
        // As Mastodon (Devise) stores them: bcrypt, cost 10.
        String bcrypt = Password.hash("imported password").withBcrypt().getResult();
        assertThat(bcrypt).startsWith("$2");
        assertThat(hasher.verify("imported password", bcrypt)).isTrue();
        assertThat(hasher.verify("wrong", bcrypt)).isFalse();
        assertThat(hasher.needsRehash(bcrypt)).isTrue();
    }

    @Test
    void unknownOrMissingHashesNeverVerify() {
        assertThat(hasher.verify("x", null)).isFalse();
        assertThat(hasher.verify("x", "plaintext")).isFalse();
    }
}
