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

/** Gives a local account its RSA-2048 key pair for HTTP signatures. Runs as a job, off the request path. */
public final class GenerateAccountKeysService {
    public record Payload(long accountId) {
    }

    public static final JobType<Payload> JOB = JobType.of("account.generate_keys", Lane.DEFAULT, Payload.class);

    private final Database db;
    private final AccountRepository accounts;
    private final Clock clock;

    public GenerateAccountKeysService(Database db, AccountRepository accounts, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Job entry point: generates keys unless the account already has them or is gone. */
    public void handle(Payload payload, JobContext context) {
        generate(payload.accountId());
    }

    public void generate(long accountId) {
        boolean needed = db.read(tx -> accounts.find(tx, accountId).map(a -> a.publicKey() == null).orElse(false));
        if (!needed) {
            return;
        }
        KeyPair pair = newKeyPair();
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
