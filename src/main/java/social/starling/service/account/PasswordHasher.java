package social.starling.service.account;

import com.password4j.Password;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import social.starling.errors.UnavailableException;

/**
 * Hashes passwords with argon2id (parameters in {@code psw4j.properties}) and verifies argon2 and imported bcrypt
 * hashes. A hash costs tens of milliseconds of CPU and memory, so at most {@code parallelism} run at once; a caller
 * that waits longer than {@code maxWait} gets a 503 instead of piling up behind a sign-up flood.
 */
public final class PasswordHasher {
    private final Semaphore slots;
    private final Duration maxWait;

    public PasswordHasher(int parallelism, Duration maxWait) {
        this.slots = new Semaphore(parallelism, true);
        this.maxWait = maxWait;
    }

    public String hash(String password) {
        return bounded(() -> Password.hash(password).addRandomSalt().withArgon2().getResult());
    }

    public boolean verify(String password, String hash) {
        if (hash == null || hash.isEmpty() || password == null) {
            return false;
        }
        return bounded(() -> {
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

    private <T> T bounded(java.util.function.Supplier<T> work) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("Interrupted", Duration.ofSeconds(1));
        }
        if (!acquired) {
            throw new UnavailableException("The server is busy, please try again shortly", Duration.ofSeconds(5));
        }
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }
}
