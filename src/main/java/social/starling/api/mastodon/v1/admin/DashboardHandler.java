package social.starling.api.mastodon.v1.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import social.starling.api.Params;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.DashboardApiMapper;
import social.starling.errors.BadRequestException;
import social.starling.model.Permission;
import social.starling.service.moderation.DashboardService;

/**
 * The dashboard's figures (View Dashboard, admin:read): {@code POST /api/v1/admin/measures} and
 * {@code /dimensions} with {@code keys[]}, {@code start_at}, {@code end_at} (dates; a time is ignored) and
 * {@code <key>[domain]} for the instance keys; {@code POST /api/v1/admin/retention} answers an empty list of
 * cohorts (no history of active days is kept to compute them from).
 */
public final class DashboardHandler {
    private final ApiAuth auth;
    private final DashboardService dashboard;
    private final DashboardApiMapper mapper;
    private final ObjectMapper json;

    public DashboardHandler(ApiAuth auth, DashboardService dashboard, DashboardApiMapper mapper, ObjectMapper json) {
        this.auth = auth;
        this.dashboard = dashboard;
        this.mapper = mapper;
        this.json = json;
    }

    public void measures(Context ctx) {
        auth.staff(ctx, Permission.VIEW_DASHBOARD, "admin:read");
        Params p = Params.of(ctx, json);
        List<String> keys = p.strings("keys");
        ctx.json(dashboard.measures(keys, date(p, "start_at"), date(p, "end_at"), domains(p, keys)).stream()
                .map(mapper::toApi).toList());
    }

    public void dimensions(Context ctx) {
        auth.staff(ctx, Permission.VIEW_DASHBOARD, "admin:read");
        Params p = Params.of(ctx, json);
        List<String> keys = p.strings("keys");
        int limit = p.intValue("limit").map(l -> Math.max(1, Math.min(l, 100))).orElse(10);
        ctx.json(dashboard.dimensions(keys, date(p, "start_at"), date(p, "end_at"), limit, domains(p, keys))
                .stream().map(mapper::toApi).toList());
    }

    public void retention(Context ctx) {
        auth.staff(ctx, Permission.VIEW_DASHBOARD, "admin:read");
        Params p = Params.of(ctx, json);
        date(p, "start_at");
        date(p, "end_at");
        ctx.json(List.of());
    }

    private static Map<String, String> domains(Params p, List<String> keys) {
        Map<String, String> domains = new HashMap<>();
        for (String key : keys) {
            p.object(key).flatMap(o -> o.string("domain")).ifPresent(d -> domains.put(key, d));
        }
        return domains;
    }

    private static LocalDate date(Params p, String name) {
        String raw = p.require(name).strip();
        try {
            return LocalDate.parse(raw.length() > 10 ? raw.substring(0, 10) : raw);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be a date such as 2026-01-31");
        }
    }
}
