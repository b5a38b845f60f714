package social.starling.service.account;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import social.starling.config.Config;
import social.starling.db.Database;
import social.starling.db.InviteRepository;
import social.starling.db.UserRepository;
import social.starling.errors.ForbiddenException;
import social.starling.errors.RateLimitedException;
import social.starling.errors.UnprocessableException;
import social.starling.jobs.JobQueue;
import social.starling.model.Account;
import social.starling.model.Invite;
import social.starling.model.RegistrationMode;
import social.starling.model.Role;
import social.starling.service.instance.RegistrationSettings;
import social.starling.service.mail.SendMailService;
import social.starling.service.moderation.SignupPolicy;
import social.starling.service.security.Throttle;

/**
 * Sign-up, from the web form or {@code POST /api/v1/accounts}, in the server's registration mode (see
 * {@link RegistrationSettings}):
 * <ul>
 * <li>open: anyone; the account works once its e-mail address is confirmed;</li>
 * <li>approval: the applicant gives a reason and waits for staff;</li>
 * <li>invite: only with a valid invite (invites also skip approval, as on Mastodon);</li>
 * <li>closed: 403, unless an invite is given (Mastodon keeps invites working when sign-ups are closed).</li>
 * </ul>
 * The server's rules must be accepted; a minimum age is enforced when configured. A per-IP rate limit and, with
 * approval, a cap on waiting applications answer 429 with Retry-After.
 *
 * <p>The sign-up blocks ({@link SignupPolicy}) apply in every mode: an address under an IP {@code sign_up_block} is
 * refused with 403 (as Mastodon's allowed_registration?), one under {@code sign_up_requires_approval} waits for staff
 * even on an open server or with an invite, and a blocked e-mail domain or canonical address is a 422 on the
 * {@code email} field (skipped with a valid invite, as Mastodon's BlacklistedEmailValidator).
 */
public final class RegisterService {
    public record Request(String username, String email, String password, boolean agreement, String locale,
                          String reason, String dateOfBirth, String inviteCode, String ip) {
    }

    private final Database db;
    private final Config.Instance config;
    private final RegistrationSettings registrations;
    private final CreateLocalAccountService create;
    private final UserRepository users;
    private final InviteRepository invites;
    private final JobQueue jobs;
    private final Throttle perIp;
    private final social.starling.service.moderation.StaffNotifier staff;
    private final SignupPolicy blocks;
    private final Clock clock;

    /** {@code staff} is told of every sign-up ({@code admin.sign_up}), in its transaction. */
    public RegisterService(Database db, Config.Instance config, RegistrationSettings registrations,
                           CreateLocalAccountService create,
                           UserRepository users, InviteRepository invites, JobQueue jobs, Throttle perIp,
                           social.starling.service.moderation.StaffNotifier staff, SignupPolicy blocks,
                           Clock clock) {
        this.db = db;
        this.staff = staff;
        this.config = config;
        this.registrations = registrations;
        this.create = create;
        this.users = users;
        this.invites = invites;
        this.jobs = jobs;
        this.perIp = perIp;
        this.blocks = blocks;
        this.clock = clock;
    }

    public Account register(Request request) {
        Optional<Invite> invite = findInvite(request.inviteCode());
        RegistrationMode mode = registrations.mode();
        if (mode == RegistrationMode.CLOSED && invite.isEmpty()) {
            throw new ForbiddenException("This action is not allowed");
        }
        if (blocks.signUpBlocked(request.ip())) {
            throw new ForbiddenException("This action is not allowed");
        }
        String ipKey = request.ip() == null ? "-" : request.ip();
        perIp.check(ipKey, "Too many sign-ups from this address, please try again later");
        // Under a flood, the excess is refused here, before the database checks and the rules (a retry then gets
        // any 422 these would give).
        create.checkRoom();
        boolean needsApproval = mode == RegistrationMode.APPROVAL && invite.isEmpty();
        if (needsApproval && db.read(users::countPending) >= config.maxPendingSignups()) {
            throw new RateLimitedException("Too many applications are waiting for review; please try again later",
                    Duration.ofHours(1));
        }
        SignupPolicy.Verdict verdict = blocks.check(request.email(), request.ip(), invite.isPresent());
        AccountRules rules = new AccountRules();
        verdict.emailRefusal().ifPresent(r -> rules.add("email", r.error(), r.description()));
        if (!request.agreement()) {
            rules.add("agreement", "ERR_ACCEPTED", "must be accepted");
        }
        if (mode == RegistrationMode.INVITE && invite.isEmpty()) {
            rules.add("invite_code", request.inviteCode() == null || request.inviteCode().isBlank()
                    ? "ERR_BLANK" : "ERR_INVALID", request.inviteCode() == null || request.inviteCode().isBlank()
                    ? "can't be blank: this server is invite-only" : "is invalid or expired");
        }
        if (needsApproval && (request.reason() == null || request.reason().isBlank())) {
            rules.add("reason", "ERR_BLANK", "can't be blank");
        } else if (request.reason() != null && request.reason().length() > 500) {
            rules.add("reason", "ERR_TOO_LONG", "is too long (maximum is 500 characters)");
        }
        config.minAge().ifPresent(min -> checkAge(rules, request.dateOfBirth(), min));
        if (!rules.ok()) {
            // Report these together with the username/e-mail/password errors, as Mastodon does.
            try {
                new AccountRules().username(request.username(), null).email(request.email())
                        .password(request.password(), request.username(), request.email()).check();
            } catch (UnprocessableException e) {
                e.details().forEach((field, list) -> list.forEach(d -> rules.add(field, d.error(), d.description())));
            }
            rules.check();
        }
        boolean pending = needsApproval || verdict.requiresApproval();
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().trim();
        NewLocalAccount account = new NewLocalAccount(request.username(), request.email(), request.password(),
                Role.USER, request.locale(), !pending, false, pending ? reason : null, request.ip(),
                invite.map(Invite::id).orElse(null));
        Account created = create.create(account, (tx, a) -> {
            invite.ifPresent(i -> {
                if (!invites.use(tx, i.id(), clock.instant())) {
                    throw new UnprocessableException("Validation failed: Invite code is invalid or expired");
                }
            });
            jobs.enqueue(tx, SendMailService.JOB, new SendMailService.Payload(a.id(), "confirmation"));
            staff.signedUp(tx, a.id());
        });
        perIp.record(ipKey); // only sign-ups that happened count against the address
        return created;
    }

    /** Whether a sign-up from {@code ip} waits for staff because of an IP block (whatever the registration mode). */
    public boolean ipRequiresApproval(String ip) {
        return blocks.requiresApproval(ip);
    }

    private Optional<Invite> findInvite(String code) {
        if (code == null || code.isBlank() || code.length() > 64) {
            return Optional.empty();
        }
        return db.read(tx -> invites.findByCode(tx, code.trim())).filter(i -> i.usable(clock.instant()));
    }

    private void checkAge(AccountRules rules, String dateOfBirth, int minAge) {
        if (dateOfBirth == null || dateOfBirth.isBlank()) {
            rules.add("date_of_birth", "ERR_BLANK", "can't be blank");
            return;
        }
        try {
            LocalDate born = LocalDate.parse(dateOfBirth.trim());
            int age = Period.between(born, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)).getYears();
            if (age < minAge) {
                rules.add("date_of_birth", "ERR_BELOW_LIMIT", "is below the age limit");
            }
        } catch (DateTimeParseException e) {
            rules.add("date_of_birth", "ERR_INVALID", "is invalid");
        }
    }
}
