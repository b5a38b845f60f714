package social.starling.service.account;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.jobs.JobContext;
import social.starling.jobs.JobType;
import social.starling.jobs.Lane;
import social.starling.support.CpuWork;

/**
 * Gives a local account its RSA-2048 key pair for HTTP signatures, computed on {@link CpuWork} (~100 ms of CPU, twice
 * a password hash), never on a carrier. The job queued at sign-up makes it ahead of need, as {@code SPARE} work: when
 * the CPU work is busy (a sign-up storm) it does not wait but comes back later, so the keys of a storm's accounts do
 * not take the CPU from the sign-ups and the members. Whoever needs a key now (an actor document, a signed delivery)
 * calls {@link #generate}, which takes its turn with the sign-ups.
 */
public final class GenerateAccountKeysService {
    public record Payload(long accountId) {
    }

    public static final JobType<Payload> JOB = JobType.of("account.generate_keys", Lane.DEFAULT, Payload.class);

    private final Database db;
    private final AccountRepository accounts;
    private final Clock clock;
    private final CpuWork cpu;

    public GenerateAccountKeysService(Database db, AccountRepository accounts, Clock clock, CpuWork cpu) {
        this.db = db;
        this.accounts = accounts;
        this.clock = clock;
        this.cpu = cpu;
    }

    /** How long the job waits before it looks again when the CPU work is busy. */
    static final Duration SPARE_RETRY = Duration.ofMinutes(1);
    /** How long the job's key pair may wait for a CPU work thread once submitted (behind other spare work). */
    static final Duration SPARE_MAX_WAIT = Duration.ofSeconds(5);

    /**
     * Job entry point: generates keys unless the account already has them or is gone, when the CPU work is idle;
     * otherwise the job is deferred (its attempts are not counted).
     */
    public void handle(Payload payload, JobContext context) throws InterruptedException {
        if (!needed(payload.accountId())) {
            return;
        }
        Optional<KeyPair> pair = cpu.busy() ? Optional.empty()
                : cpu.call(CpuWork.Priority.SPARE, SPARE_MAX_WAIT, GenerateAccountKeysService::newKeyPair);
        if (pair.isEmpty()) {
            context.deferTo(clock.instant().plus(SPARE_RETRY));
            return;
        }
        store(payload.accountId(), pair.get());
    }

    /** Generates keys unless the account already has them or is gone; for a caller that needs them now. */
    public void generate(long accountId) {
        try {
            generateOrInterrupted(accountId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating keys", e);
        }
    }

    private void generateOrInterrupted(long accountId) throws InterruptedException {
        if (needed(accountId)) {
            store(accountId, cpu.call(CpuWork.Priority.IN_TURN, GenerateAccountKeysService::newKeyPair));
        }
    }

    private boolean needed(long accountId) {
        return db.read(tx -> accounts.find(tx, accountId).map(a -> a.publicKey() == null).orElse(false));
    }

    private void store(long accountId, KeyPair pair) {
        // Another generator (the job, a fetch of the actor) may have won the race: the first key stays, since peers
        // may have cached it.
        db.inTransaction(tx -> accounts.setKeysIfMissing(tx, accountId, pem("PUBLIC KEY", pair.getPublic().getEncoded()),
                pem("PRIVATE KEY", pair.getPrivate().getEncoded()), clock.instant()));
    }

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
