package social.starling.wiring;

import social.starling.convert.AccountApiMapper;
import social.starling.convert.AdminAccountApiMapper;
import social.starling.db.AuditLogRepository;
import social.starling.service.moderation.AuditLog;
import social.starling.service.moderation.RuleService;

/**
 * The server's moderation, built right after the repositories because federation, delivery and media obey it:
 * the audit log every staff action writes to, the Admin::Account mapper the admin API shares, and the server's
 * rules as staff edit them (admin pages and command line).
 */
public record ModerationComponents(AuditLog auditLog, AdminAccountApiMapper adminAccountApi, RuleService rules) {

    public static ModerationComponents build(Core core, Repositories repos) {
        var auditLog = new AuditLog(core.db(), new AuditLogRepository(), core.ids(), core.clock());
        return new ModerationComponents(auditLog, new AdminAccountApiMapper(new AccountApiMapper(core.uris())),
                new RuleService(core.db(), repos.rules(), auditLog, core.ids(), core.clock()));
    }
}
