package social.starling.wiring;

import social.starling.convert.AccountApiMapper;
import social.starling.convert.AdminAccountApiMapper;
import social.starling.db.AuditLogRepository;
import social.starling.db.DomainModerationRepository;
import social.starling.db.SignupBlockRepository;
import social.starling.service.event.DomainPolicyChanged;
import social.starling.service.moderation.AuditLog;
import social.starling.service.moderation.DomainBlockCsv;
import social.starling.service.moderation.DomainModerationService;
import social.starling.service.moderation.DomainPolicy;
import social.starling.service.moderation.RuleService;
import social.starling.service.moderation.SignupBlockService;
import social.starling.service.moderation.SignupPolicy;

/**
 * The server's moderation, built right after the repositories because federation, delivery and media obey it:
 * the audit log every staff action writes to, the Admin::Account mapper the admin API shares, the server's rules as
 * staff edit them (admin pages and command line), the sign-up blocks (e-mail domains, IP ranges, canonical
 * addresses) that sign-up and the HTTP edge obey, and the domain policy (server-wide domain blocks and allows) with
 * the service that changes it and its CSV import/export. Every node reloads its policy when another changes it
 * ({@link DomainPolicyChanged} on the event bus).
 */
public record ModerationComponents(AuditLog auditLog, AdminAccountApiMapper adminAccountApi, RuleService rules,
                                   SignupPolicy signupPolicy, SignupBlockService signupBlocks,
                                   DomainPolicy domainPolicy, DomainModerationService domains,
                                   DomainBlockCsv domainCsv) {

    public static ModerationComponents build(Core core, Repositories repos) {
        var auditLog = new AuditLog(core.db(), new AuditLogRepository(), core.ids(), core.clock());
        var blockRepo = new SignupBlockRepository();
        var signupPolicy = new SignupPolicy(core.db(), blockRepo, core.ids(), core.clock());
        var domainRepository = new DomainModerationRepository();
        var policy = new DomainPolicy(core.db(), domainRepository, core.config().federation().limitedFederation(),
                core.domain());
        core.events().subscribe(DomainPolicyChanged.class, e -> policy.invalidate());
        var domains = new DomainModerationService(core.db(), domainRepository, repos.accounts(),
                repos.relationships(), auditLog, core.events(), policy, core.ids(), core.clock());
        return new ModerationComponents(auditLog, new AdminAccountApiMapper(new AccountApiMapper(core.uris())),
                new RuleService(core.db(), repos.rules(), auditLog, core.ids(), core.clock()),
                signupPolicy, new SignupBlockService(core.db(), blockRepo, signupPolicy, auditLog, core.ids(),
                        core.clock()),
                policy, domains, new DomainBlockCsv(domains));
    }
}
