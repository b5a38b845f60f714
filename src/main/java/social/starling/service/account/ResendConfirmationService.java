package social.starling.service.account;

import java.time.Clock;
import java.util.Optional;
import social.starling.db.Database;
import social.starling.db.UserRepository;
import social.starling.errors.ForbiddenException;
import social.starling.jobs.JobQueue;
import social.starling.model.User;
import social.starling.service.mail.SendMailService;

/**
 * {@code POST /api/v1/emails/confirmations} (Api::V1::Emails::ConfirmationsController): sends the confirmation
 * e-mail again, first changing the address if {@code email} is given. Only while the address awaits confirmation
 * (403 otherwise); a new address must be valid and unused (422).
 */
public final class ResendConfirmationService {
    static final String CONFIRMED = "This method is only available while the e-mail is awaiting confirmation";

    private final Database db;
    private final UserRepository users;
    private final JobQueue jobs;
    private final AccountChanges changes;
    private final Clock clock;

    public ResendConfirmationService(Database db, UserRepository users, JobQueue jobs, AccountChanges changes,
                                     Clock clock) {
        this.db = db;
        this.users = users;
        this.jobs = jobs;
        this.changes = changes;
        this.clock = clock;
    }

    public void resend(long accountId, Optional<String> email) {
        email.ifPresent(e -> new AccountRules().email(e).check());
        db.inTransaction(tx -> {
            User user = users.find(tx, accountId).orElseThrow(() -> new ForbiddenException(CONFIRMED));
            if (user.confirmed()) {
                throw new ForbiddenException(CONFIRMED);
            }
            if (email.isPresent() && !email.get().strip().equalsIgnoreCase(user.email())) {
                String address = email.get().strip();
                if (users.emailTaken(tx, address)) {
                    new AccountRules().emailTaken().check();
                }
                users.setEmail(tx, accountId, address, clock.instant());
                changes.changed(tx, accountId);
            }
            jobs.enqueue(tx, SendMailService.JOB, new SendMailService.Payload(accountId, "confirmation"));
            return null;
        });
    }
}
