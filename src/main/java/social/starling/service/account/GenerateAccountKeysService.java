package social.starling.service.account;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.jobs.JobContext;
import social.starling.jobs.JobType;
import social.starling.jobs.Lane;
import social.starling.support.CpuWork;

/**
 * Gives a local account its RSA-2048 key pair for HTTP signatures. Runs as a job, off the request path; the key pair
 * (~100 ms of CPU) is computed on {@link CpuWork}, in turn with sign-ups' password hashes, never on a carrier.
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

    /** Job entry point: generates keys unless the account already has them or is gone. */
    public void handle(Payload payload, JobContext context) throws InterruptedException {
        generateOrInterrupted(payload.accountId());
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
        boolean needed = db.read(tx -> accounts.find(tx, accountId).map(a -> a.publicKey() == null).orElse(false));
        if (!needed) {
            return;
        }
        KeyPair pair = cpu.call(CpuWork.Priority.IN_TURN, GenerateAccountKeysService::newKeyPair);
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
