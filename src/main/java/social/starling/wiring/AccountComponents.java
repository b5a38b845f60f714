package social.starling.wiring;

import social.starling.db.AccountModerationRepository;
import social.starling.service.moderation.AuditLog;
import social.starling.service.moderation.StrikeService;
import java.time.Duration;
import java.time.Instant;
import social.starling.config.Config;
import social.starling.db.AdminRepository;
import social.starling.db.ReportRepository;
import social.starling.db.Tx;
import social.starling.service.account.AccountChanges;
import social.starling.service.account.AccountQueryService;
import social.starling.service.account.AccountWriter;
import social.starling.service.account.AdminAccountService;
import social.starling.service.account.BootstrapOwnerService;
import social.starling.service.account.ConfirmEmailService;
import social.starling.service.account.CreateLocalAccountService;
import social.starling.service.account.EmailTokens;
import social.starling.service.account.FormattedProfileText;
import social.starling.service.account.GenerateAccountKeysService;
import social.starling.service.account.InstanceActorService;
import social.starling.service.account.InviteService;
import social.starling.service.account.LocalMentionResolver;
import social.starling.service.account.PasswordHasher;
import social.starling.service.account.PasswordResetService;
import social.starling.service.account.RegisterService;
import social.starling.service.account.ResetPasswordService;
import social.starling.service.account.UpdateCredentialsService;
import social.starling.service.instance.InstanceService;
import social.starling.service.instance.RegistrationSettings;
import social.starling.service.mail.LogMailer;
import social.starling.service.mail.SendMailService;
import social.starling.service.mail.SmtpMailer;
import social.starling.service.media.ImageStore;
import social.starling.service.oauth.RegisterApplicationService;
import social.starling.service.oauth.TokenAuthenticator;
import social.starling.service.oauth.TokenService;
import social.starling.service.security.LoginService;
import social.starling.service.security.SessionService;
import social.starling.service.security.Throttle;
import social.starling.support.CpuWork;

/** Accounts, sign-up, sign-in, OAuth, mail, the instance and its actor. */
public record AccountComponents(AccountChanges changes, AccountWriter writer, PasswordHasher passwords,
                                CreateLocalAccountService createLocalAccount,
                                GenerateAccountKeysService generateKeys, ResetPasswordService resetPassword,
                                BootstrapOwnerService bootstrapOwner, InstanceService instance,
                                TokenAuthenticator tokenAuthenticator, LoginService logins,
                                SessionService sessions, RegisterApplicationService registerApplication,
                                TokenService tokens, EmailTokens emailTokens, SendMailService sendMail,
                                RegisterService register, ConfirmEmailService confirmEmail,
                                PasswordResetService passwordReset, AdminAccountService admin,
                                InviteService invites, ImageStore images, LocalMentionResolver mentionResolver,
                                UpdateCredentialsService updateCredentials, AccountQueryService queries,
                                InstanceActorService instanceActor, RegistrationSettings registrationSettings,
                                StrikeService strikes) {

    public static AccountComponents build(Core core, Repositories repos, OutboxComponents outbox,
                                          ModerationComponents moderation) {
        Config config = core.config();
        var db = core.db();
        var clock = core.clock();
        String host = config.server().host();
        var changes = new AccountChanges(core.events());
        // Argon2 and RSA key generation on at most half the cores, off the virtual threads' carriers; sign-ups and key
        // generation paced to half of that (a quarter of the machine) when they flood in, and all of it at a lower
        // OS priority (nice 10) than the requests' carriers when the cores are all busy. A sign-up is
        // refused at once when a second of that work is queued ahead of it; members wait up to 10 s for their turn.
        var cpu = new CpuWork(CpuWork.defaultThreads(), PasswordHasher.EXPECTED_HASH_TIME, CpuWork.DEFAULT_SHARE,
                CpuWork.BURST, CpuWork.DEFAULT_NICENESS);
        var passwords = new PasswordHasher(cpu, Duration.ofSeconds(1), Duration.ofSeconds(10));
        var writer = new AccountWriter(repos.accounts(), core.jobs(), changes, outbox.outbox(),
                moderation.domainPolicy());
        var createLocal = new CreateLocalAccountService(db, repos.accounts(), repos.users(), writer, passwords,
                core.ids(), core.uris(), host, clock);
        String ownerEmail = config.instance().contactEmail().isBlank()
                ? config.instance().ownerUsername() + "@" + host : config.instance().contactEmail();
        var statuses = repos.statuses();
        var registrationSettings = new RegistrationSettings(db, repos.settings(), config.instance().registrations(),
                moderation.auditLog(), clock);
        var instance = new InstanceService(db, config, repos.accounts(), repos.users(), repos.rules(),
                repos.settings(), registrationSettings, new InstanceService.StatusCounter() {
                    @Override
                    public int localStatuses(Tx tx) {
                        return statuses.countLocal(tx);
                    }

                    @Override
                    public int localStatusesBetween(Tx tx, Instant from, Instant to) {
                        return statuses.countLocalBetween(tx, from, to);
                    }
                }, clock);
        var tokenAuthenticator = new TokenAuthenticator(db, repos.oauth(), repos.accounts(), repos.users(), clock);
        var logins = new LoginService(db, repos.users(), repos.accounts(), passwords,
                new Throttle("login-per-account", 10, Duration.ofMinutes(15), clock),
                new Throttle("login-per-ip", 25, Duration.ofMinutes(5), clock), clock);
        var sessions = new SessionService(db, repos.webSessions(), repos.accounts(), repos.users(), clock);
        changes.listen(tokenAuthenticator::evictAccount);
        changes.listen(sessions::evictAccount);
        var emailTokens = new EmailTokens(repos.userTokens(), clock);
        var mailer = config.smtp().configured() ? new SmtpMailer(config.smtp()) : new LogMailer();
        var images = new ImageStore(core.media());
        var mentionResolver = new LocalMentionResolver(db, repos.accounts(), core.domain());
        var accountModeration = new AccountModerationRepository();
        var audit = moderation.auditLog();
        var admin = new AdminAccountService(db, repos.accounts(), repos.users(), repos.webSessions(),
                accountModeration, audit, outbox.notifier(), outbox.outbox(), changes, new AdminRepository(),
                new ReportRepository(core.json()), core.ids(), clock);
        return new AccountComponents(changes, writer, passwords, createLocal,
                new GenerateAccountKeysService(db, repos.accounts(), clock, cpu),
                new ResetPasswordService(db, repos.accounts(), repos.users(), passwords, clock),
                new BootstrapOwnerService(db, repos.users(), createLocal, config.instance().ownerUsername(),
                        ownerEmail),
                instance, tokenAuthenticator, logins, sessions,
                new RegisterApplicationService(db, repos.oauth(), core.ids(), clock),
                new TokenService(db, repos.oauth(), logins, tokenAuthenticator, core.ids(), clock),
                emailTokens,
                new SendMailService(db, repos.accounts(), repos.users(), emailTokens, mailer, core.baseUrl(),
                        config.instance().title()),
                new RegisterService(db, config.instance(), registrationSettings, createLocal, repos.users(),
                        repos.invites(), core.jobs(),
                        new Throttle("signups-per-ip", config.instance().signupsPerIpPerHour(), Duration.ofHours(1),
                                clock), outbox.staff(), moderation.signupPolicy(), clock),
                new ConfirmEmailService(db, repos.users(), emailTokens, changes, clock),
                new PasswordResetService(db, repos.users(), repos.oauth(), repos.webSessions(), emailTokens,
                        passwords, core.jobs(), changes, new Throttle("password-resets", 5, Duration.ofHours(1), clock),
                        clock),
                admin,
                new InviteService(db, repos.invites(), repos.users(), core.ids(), config.instance().memberInvites(),
                        clock),
                images, mentionResolver,
                new UpdateCredentialsService(db, repos.accounts(), repos.users(), images,
                        new FormattedProfileText(core.formatter(), mentionResolver), writer, clock),
                new AccountQueryService(db, repos.accounts(), repos.users(), core.domain(),
                        repos.relationships()::countPendingRequests),
                new InstanceActorService(db, repos.accounts(), writer, core.ids(), core.baseUrl(), host, clock),
                registrationSettings,
                new StrikeService(db, repos.accounts(), accountModeration, admin, audit, core.ids(), clock));
    }
}
