package social.starling.service.account;

import com.password4j.Password;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import social.starling.errors.UnavailableException;
import social.starling.support.CpuWork;

/**
 * Hashes passwords with argon2id (parameters in {@code psw4j.properties}) and verifies argon2 and imported bcrypt
 * hashes. A hash costs tens of milliseconds of CPU and 19 MiB, so it runs on {@link CpuWork}'s few platform threads,
 * never on the virtual threads' carriers. Members (sign-in, password changes) go first and wait at most
 * {@code maxWait} for their turn; a new account's hash waits its turn with key generation and is refused at once
 * (503 with Retry-After) when the work ahead of it would take more than {@code signUpWait}, so a sign-up flood is
 * turned away instead of piling up, and the members already there can still sign in.
 */
public final class PasswordHasher {
    /** Argon2id with psw4j.properties' parameters, measured on a 2-core machine: ~50 ms (CpuWork's first guess). */
    public static final Duration EXPECTED_HASH_TIME = Duration.ofMillis(50);

    private final CpuWork cpu;
    private final Duration signUpWait;
    private final Duration maxWait;

    public PasswordHasher(CpuWork cpu, Duration signUpWait, Duration maxWait) {
        this.cpu = cpu;
        this.signUpWait = signUpWait;
        this.maxWait = maxWait;
    }

    /** A member's new password (reset, change, upgrade of an imported hash). */
    public String hash(String password) {
        return bounded(CpuWork.Priority.FIRST, maxWait, () -> argon2(password));
    }

    /** A new account's password: refused at once when more than {@code signUpWait} of hashing is already queued. */
    public String hashForNewAccount(String password) {
        return bounded(CpuWork.Priority.IN_TURN, signUpWait, () -> argon2(password));
    }

    /**
     * Refuses a new account at once (503 with Retry-After) when its hash would be refused: for a sign-up to check
     * before any other work, so the excess of a flood costs almost nothing.
     */
    public void checkRoomForNewAccount() {
        if (cpu.expectedWait(CpuWork.Priority.IN_TURN).compareTo(signUpWait) > 0) {
            throw busy();
        }
    }

    public boolean verify(String password, String hash) {
        if (hash == null || hash.isEmpty() || password == null) {
            return false;
        }
        return bounded(CpuWork.Priority.FIRST, maxWait, () -> {
            if (hash.startsWith("$argon2")) {
                return Password.check(password, hash).withArgon2();
            }
            if (hash.startsWith("$2a$") || hash.startsWith("$2b$") || hash.startsWith("$2y$")) {
                return Password.check(password, hash).withBcrypt();
            }
            return false;
        });
    }

    /** True when a stored hash should be replaced by an argon2id one at the next successful login. */
    public boolean needsRehash(String hash) {
        return hash == null || !hash.startsWith("$argon2id$");
    }

    private static String argon2(String password) {
        return Password.hash(password).addRandomSalt().withArgon2().getResult();
    }

    /** Refused at once if the work ahead would take more than {@code budget}; else waits at most maxWait to start. */
    private <T> T bounded(CpuWork.Priority priority, Duration budget, Callable<T> work) {
        if (cpu.expectedWait(priority).compareTo(budget) > 0) {
            throw busy();
        }
        Optional<T> result;
        try {
            result = cpu.call(priority, maxWait, work);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("Interrupted", Duration.ofSeconds(1));
        }
        return result.orElseThrow(PasswordHasher::busy);
    }

    private static UnavailableException busy() {
        return new UnavailableException("The server is busy, please try again shortly", Duration.ofSeconds(5));
    }
}
