package social.starling.wiring;

import social.starling.convert.AccountApiMapper;
import social.starling.convert.AdminAccountApiMapper;
import social.starling.db.AuditLogRepository;
import social.starling.db.SignupBlockRepository;
import social.starling.service.moderation.AuditLog;
import social.starling.service.moderation.RuleService;
import social.starling.service.moderation.SignupBlockService;
import social.starling.service.moderation.SignupPolicy;

/**
 * The server's moderation, built right after the repositories because federation, delivery and media obey it:
 * the audit log every staff action writes to, the Admin::Account mapper the admin API shares, the server's rules as
 * staff edit them (admin pages and command line), and the sign-up blocks (e-mail domains, IP ranges, canonical
 * addresses) that sign-up and the HTTP edge obey.
 */
public record ModerationComponents(AuditLog auditLog, AdminAccountApiMapper adminAccountApi, RuleService rules,
                                   SignupPolicy signupPolicy, SignupBlockService signupBlocks) {

    public static ModerationComponents build(Core core, Repositories repos) {
        var auditLog = new AuditLog(core.db(), new AuditLogRepository(), core.ids(), core.clock());
        var blockRepo = new SignupBlockRepository();
        var policy = new SignupPolicy(core.db(), blockRepo, core.ids(), core.clock());
        return new ModerationComponents(auditLog, new AdminAccountApiMapper(new AccountApiMapper(core.uris())),
                new RuleService(core.db(), repos.rules(), auditLog, core.ids(), core.clock()),
                policy, new SignupBlockService(core.db(), blockRepo, policy, auditLog, core.ids(), core.clock()));
    }
}
