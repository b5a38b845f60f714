package social.starling.service.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.password4j.Password;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import social.starling.errors.UnavailableException;
import social.starling.support.CpuWork;
import social.starling.support.CpuWorkTestSupport;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(new CpuWork(1, PasswordHasher.EXPECTED_HASH_TIME),
            Duration.ofSeconds(1), Duration.ofSeconds(10));

    @Test
    void newHashesAreArgon2idAndVerify() {
        String hash = hasher.hash("a long enough password");
        assertThat(hash).startsWith("$argon2id$");
        assertThat(hasher.verify("a long enough password", hash)).isTrue();
        assertThat(hasher.verify("another password", hash)).isFalse();
        assertThat(hasher.needsRehash(hash)).isFalse();
        String forNewAccount = hasher.hashForNewAccount("a long enough password");
        assertThat(forNewAccount).startsWith("$argon2id$").isNotEqualTo(hash);
        assertThat(hasher.verify("a long enough password", forNewAccount)).isTrue();
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

    @Test
    void aSignUpIsRefusedAtOnceWhenASecondOfHashingIsQueuedWhileAMemberStillSignsIn() throws Exception {
        // One thread, each task counted as a second: one task running and one sign-up queued make 2 s ahead.
        var cpu = new CpuWork(1, Duration.ofSeconds(1));
        var storm = new PasswordHasher(cpu, Duration.ofSeconds(1), Duration.ofSeconds(10));
        String stored = hasher.hash("member password");
        org.assertj.core.api.Assertions.assertThatCode(storm::checkRoomForNewAccount).doesNotThrowAnyException();
        var release = new CountDownLatch(1);
        Thread blocker = CpuWorkTestSupport.block(cpu, release);
        var queuedSignUp = new AtomicReference<String>();
        Thread signUp = Thread.ofVirtual().start(() -> queuedSignUp.set(storm.hashForNewAccount("first of the storm")));
        CpuWorkTestSupport.awaitExpectedWait(cpu, CpuWork.Priority.IN_TURN,
                Duration.ofSeconds(2));

        assertThatThrownBy(() -> storm.hashForNewAccount("one too many"))
                .isInstanceOfSatisfying(UnavailableException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("The server is busy, please try again shortly");
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(5));
                });
        // The same answer for a sign-up that has not been checked yet: refused before its other work.
        assertThatThrownBy(storm::checkRoomForNewAccount).isInstanceOf(UnavailableException.class);

        var signedIn = new AtomicReference<Boolean>();
        Thread login = Thread.ofVirtual().start(() -> signedIn.set(storm.verify("member password", stored)));
        CpuWorkTestSupport.awaitExpectedWait(cpu, CpuWork.Priority.FIRST,
                Duration.ofSeconds(2));
        release.countDown();
        blocker.join();
        login.join();
        signUp.join();
        assertThat(signedIn.get()).isTrue();
        assertThat(queuedSignUp.get()).startsWith("$argon2id$");
    }

    @Test
    void aMemberWhoseTurnDoesNotComeWithinMaxWaitGetsA503() throws Exception {
        var cpu = new CpuWork(1, PasswordHasher.EXPECTED_HASH_TIME);
        var busy = new PasswordHasher(cpu, Duration.ofSeconds(1), Duration.ofMillis(20));
        var release = new CountDownLatch(1);
        Thread blocker = CpuWorkTestSupport.block(cpu, release);
        assertThatThrownBy(() -> busy.verify("x", "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA"))
                .isInstanceOf(UnavailableException.class);
        release.countDown();
        blocker.join();
    }
}
