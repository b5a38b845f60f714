package social.starling.api.mastodon.v1.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import social.starling.api.Paging;
import social.starling.api.Params;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.AdminAccountApiMapper;
import social.starling.convert.entity.AdminAccountEntity;
import social.starling.errors.NotFoundException;
import social.starling.model.AdminAccountQuery;
import social.starling.model.Page;
import social.starling.model.Permission;
import social.starling.model.Role;
import social.starling.service.account.AdminAccountService;
import social.starling.service.account.AdminAccountService.Target;
import social.starling.service.moderation.SuspensionPurgeService;

/**
 * Mastodon's admin accounts API (methods/admin/accounts.md): the v1 and v2 lists, one account, the account
 * actions and their undos, and the deletion of a suspended account's data. Staff with {@code manage_users} (the
 * deletion: {@code delete_user_data}), with {@code admin:read[:accounts]} to read and
 * {@code admin:write[:accounts]} to act.
 */
public final class AdminAccountsHandler {
    private static final String[] READ = {"admin:read", "admin:read:accounts"};
    private static final String[] WRITE = {"admin:write", "admin:write:accounts"};
    /** Mastodon's Api::V1::Admin::AccountsController::LIMIT. */
    private static final int LIMIT = 100;
    private static final int MAX_LIMIT = 200;

    private final ApiAuth auth;
    private final AdminAccountService admin;
    private final SuspensionPurgeService purge;
    private final AdminAccountApiMapper mapper;
    private final ObjectMapper json;
    private final String baseUrl;

    public AdminAccountsHandler(ApiAuth auth, AdminAccountService admin, SuspensionPurgeService purge,
                                AdminAccountApiMapper mapper, ObjectMapper json, String baseUrl) {
        this.auth = auth;
        this.admin = admin;
        this.purge = purge;
        this.mapper = mapper;
        this.json = json;
        this.baseUrl = baseUrl;
    }

    /** {@code GET /api/v1/admin/accounts}: the v1 flags, translated as Mastodon's controller does. */
    public void indexV1(Context ctx) {
        auth.staff(ctx, Permission.MANAGE_USERS, READ);
        Params p = Params.of(ctx, json);
        String origin = p.bool("local", false) ? "local" : p.bool("remote", false) ? "remote" : null;
        String status = null;
        for (String s : List.of("active", "pending", "disabled", "silenced", "suspended", "sensitized")) {
            if (p.bool(s, false)) {
                status = s;
            }
        }
        list(ctx, new AdminAccountQuery(origin, status, p.bool("staff", false), null, null, text(p, "username"),
                text(p, "display_name"), text(p, "by_domain"), text(p, "email"), text(p, "ip")));
    }

    /** {@code GET /api/v2/admin/accounts}: origin, status, permissions, role_ids[], invited_by and the text ones. */
    public void indexV2(Context ctx) {
        auth.staff(ctx, Permission.MANAGE_USERS, READ);
        Params p = Params.of(ctx, json);
        Set<Role> roles = null;
        List<String> roleIds = p.strings("role_ids");
        if (!roleIds.isEmpty()) {
            roles = EnumSet.noneOf(Role.class);
            for (String id : roleIds) {
                Role r = ROLE_IDS.get(id.strip());
                if (r != null) {
                    roles.add(r);
                }
            }
        }
        Long invitedBy = p.string("invited_by").map(this::id).orElse(null);
        list(ctx, new AdminAccountQuery(text(p, "origin"), text(p, "status"),
                "staff".equals(text(p, "permissions")), roles, invitedBy, text(p, "username"),
                text(p, "display_name"), text(p, "by_domain"), text(p, "email"), text(p, "ip")));
    }

    /** The ids AccountApiMapper gives the built-in roles. */
    private static final Map<String, Role> ROLE_IDS = Map.of("3", Role.OWNER, "2", Role.ADMIN, "1", Role.MODERATOR,
            "-99", Role.USER);

    private void list(Context ctx, AdminAccountQuery q) {
        Page page = Paging.page(ctx, LIMIT, MAX_LIMIT);
        List<Target> found = admin.list(q, page);
        Paging.link(ctx, baseUrl, found.stream().map(t -> t.account().id()).toList(), page);
        ctx.json(found.stream().map(this::render).toList());
    }

    public void show(Context ctx) {
        auth.staff(ctx, Permission.MANAGE_USERS, READ);
        ctx.json(render(admin.target(id(ctx.pathParam("id")))));
    }

    /** {@code POST /:id/action}: answers an empty object, as Mastodon. */
    public void action(Context ctx) {
        var caller = auth.staff(ctx, Permission.MANAGE_USERS, WRITE);
        Params p = Params.of(ctx, json);
        long target = id(ctx.pathParam("id"));
        admin.perform(caller.accountId(), target, new AdminAccountService.Action(p.string("type").orElse("none"),
                p.string("text").orElse(null), p.string("report_id").map(this::id).orElse(null),
                p.bool("send_email_notification", true)));
        ctx.json(Map.of());
    }

    public void approve(Context ctx) {
        var caller = auth.staff(ctx, Permission.MANAGE_USERS, WRITE);
        long target = id(ctx.pathParam("id"));
        admin.approve(caller.accountId(), target);
        ctx.json(render(admin.target(target)));
    }

    /** Rejecting deletes the pending account; the answer shows it as it was. */
    public void reject(Context ctx) {
        var caller = auth.staff(ctx, Permission.MANAGE_USERS, WRITE);
        long target = id(ctx.pathParam("id"));
        AdminAccountEntity before = render(admin.target(target));
        admin.reject(caller.accountId(), target);
        ctx.json(before);
    }

    /** enable, unsilence, unsuspend, unsensitive. */
    public void undo(Context ctx, String verb) {
        var caller = auth.staff(ctx, Permission.MANAGE_USERS, WRITE);
        long target = id(ctx.pathParam("id"));
        admin.undo(caller.accountId(), target, verb);
        ctx.json(render(admin.target(target)));
    }

    /** {@code DELETE /:id}: a suspended account's data, deleted now rather than after 30 days. */
    public void destroy(Context ctx) {
        var caller = auth.staff(ctx, Permission.DELETE_USER_DATA, WRITE);
        long target = id(ctx.pathParam("id"));
        admin.requireDeletable(caller.accountId(), target);
        AdminAccountEntity before = render(admin.target(target));
        admin.recordDestroy(caller.accountId(), target);
        purge.purge(target);
        ctx.json(before);
    }

    private AdminAccountEntity render(Target t) {
        return mapper.toApi(t.account(), t.user(), t.ip(), t.sensitized());
    }

    private static String text(Params p, String name) {
        return p.string(name).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
    }

    private long id(String raw) {
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new NotFoundException("Record not found");
        }
    }
}
