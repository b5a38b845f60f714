package social.starling.service.mail;

import java.time.Duration;
import social.starling.db.AccountRepository;
import social.starling.db.Database;
import social.starling.db.UserRepository;
import social.starling.jobs.JobContext;
import social.starling.jobs.JobType;
import social.starling.jobs.Lane;
import social.starling.service.account.EmailTokens;

/**
 * Sends Starling's e-mails from a job: the link's token is made inside the job, so no secret ever sits in the job
 * table. Kinds: {@code confirmation} (confirm your address) and {@code password_reset}.
 */
public final class SendMailService {
    public record Payload(long accountId, String kind) {
    }

    public static final JobType<Payload> JOB = JobType.of("mail.send", Lane.DEFAULT, Payload.class)
            .withRetries(6, Duration.ofSeconds(30), Duration.ofMinutes(30));

    private final Database db;
    private final AccountRepository accounts;
    private final UserRepository users;
    private final EmailTokens tokens;
    private final Mailer mailer;
    private final String baseUrl;
    private final String title;

    public SendMailService(Database db, AccountRepository accounts, UserRepository users, EmailTokens tokens,
                           Mailer mailer, String baseUrl, String title) {
        this.db = db;
        this.accounts = accounts;
        this.users = users;
        this.tokens = tokens;
        this.mailer = mailer;
        this.baseUrl = baseUrl;
        this.title = title;
    }

    public void handle(Payload payload, JobContext context) throws Exception {
        var user = db.read(tx -> users.find(tx, payload.accountId()));
        var account = db.read(tx -> accounts.find(tx, payload.accountId()));
        if (user.isEmpty() || account.isEmpty()) {
            return; // the account is gone: nothing to send
        }
        String username = account.get().username();
        switch (payload.kind()) {
            case "confirmation" -> {
                if (user.get().confirmed()) {
                    return;
                }
                String token = db.inTransaction(tx -> tokens.create(tx, payload.accountId(), EmailTokens.CONFIRM,
                        Duration.ofDays(2)));
                mailer.send(user.get().email(), "Confirm your e-mail address for " + title, """
                        Hello @%s,

                        To finish signing up on %s, confirm your e-mail address by opening this link:

                        %s/auth/confirmation?confirmation_token=%s

                        The link works for 48 hours. If you did not sign up, ignore this message.
                        """.formatted(username, title, baseUrl, token));
            }
            case "password_reset" -> {
                String token = db.inTransaction(tx -> tokens.create(tx, payload.accountId(), EmailTokens.RESET,
                        Duration.ofHours(2)));
                mailer.send(user.get().email(), "Reset your password on " + title, """
                        Hello @%s,

                        Someone asked to reset the password of your account on %s. To choose a new password, open:

                        %s/auth/password/edit?reset_password_token=%s

                        The link works for 2 hours. If you did not ask for this, ignore this message; your password
                        stays as it is.
                        """.formatted(username, title, baseUrl, token));
            }
            default -> throw new IllegalArgumentException("unknown mail kind " + payload.kind());
        }
    }
}
