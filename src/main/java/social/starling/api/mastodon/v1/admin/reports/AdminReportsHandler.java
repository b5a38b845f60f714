package social.starling.api.mastodon.v1.admin.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import social.starling.api.Paging;
import social.starling.api.Params;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.AdminReportApiMapper;
import social.starling.errors.NotFoundException;
import social.starling.model.Page;
import social.starling.model.Permission;
import social.starling.service.moderation.AdminReportService;

/**
 * {@code /api/v1/admin/reports} (Mastodon's Api::V1::Admin::ReportsController): the queue (open reports unless
 * {@code resolved}, by {@code account_id} and {@code target_account_id}, 100 by default and up to 200, paged by
 * Link), one report, and the moderators' actions on it (PUT for category and rules, assign_to_self, unassign,
 * resolve, reopen). Staff who can manage reports, with admin:read:reports or admin:write:reports.
 */
public final class AdminReportsHandler {
    private static final String[] READ = {"admin:read", "admin:read:reports"};
    private static final String[] WRITE = {"admin:write", "admin:write:reports"};

    private final ApiAuth auth;
    private final AdminReportService reports;
    private final AdminReportApiMapper mapper;
    private final ObjectMapper json;
    private final String baseUrl;

    public AdminReportsHandler(ApiAuth auth, AdminReportService reports, AdminReportApiMapper mapper,
                               ObjectMapper json, String baseUrl) {
        this.auth = auth;
        this.reports = reports;
        this.mapper = mapper;
        this.json = json;
        this.baseUrl = baseUrl;
    }

    public void index(Context ctx) {
        var caller = auth.staff(ctx, Permission.MANAGE_REPORTS, READ);
        Params p = Params.of(ctx, json);
        Page page = Paging.page(ctx, 100, 200);
        var listing = reports.list(caller.accountId(), p.bool("resolved", false), account(p, "account_id"),
                account(p, "target_account_id"), page);
        Paging.link(ctx, baseUrl, listing.ids(), page);
        ctx.json(mapper.toApi(listing.reports()));
    }

    public void show(Context ctx) {
        var caller = auth.staff(ctx, Permission.MANAGE_REPORTS, READ);
        ctx.json(mapper.toApi(reports.show(caller.accountId(), id(ctx))));
    }

    public void update(Context ctx) {
        var caller = auth.staff(ctx, Permission.MANAGE_REPORTS, WRITE);
        Params p = Params.of(ctx, json);
        ctx.json(mapper.toApi(reports.update(caller.accountId(), id(ctx), p.string("category").orElse(null),
                p.has("rule_ids") ? p.strings("rule_ids") : null)));
    }

    public void assignToSelf(Context ctx) {
        var caller = auth.staff(ctx, Permission.MANAGE_REPORTS, WRITE);
        ctx.json(mapper.toApi(reports.assignToSelf(caller.accountId(), id(ctx))));
    }

    public void unassign(Context ctx) {
        var caller = auth.staff(ctx, Permission.MANAGE_REPORTS, WRITE);
        ctx.json(mapper.toApi(reports.unassign(caller.accountId(), id(ctx))));
    }

    public void resolve(Context ctx) {
        var caller = auth.staff(ctx, Permission.MANAGE_REPORTS, WRITE);
        ctx.json(mapper.toApi(reports.resolve(caller.accountId(), id(ctx))));
    }

    public void reopen(Context ctx) {
        var caller = auth.staff(ctx, Permission.MANAGE_REPORTS, WRITE);
        ctx.json(mapper.toApi(reports.reopen(caller.accountId(), id(ctx))));
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id").trim());
        } catch (NumberFormatException e) {
            throw new NotFoundException("Record not found");
        }
    }

    /** An account filter; a value that is not an id matches no report (0 names no account). */
    private static Long account(Params p, String name) {
        return p.string(name).filter(v -> !v.isBlank()).map(v -> {
            try {
                return Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                return 0L;
            }
        }).orElse(null);
    }
}
