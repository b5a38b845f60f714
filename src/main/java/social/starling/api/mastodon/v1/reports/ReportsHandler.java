package social.starling.api.mastodon.v1.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import social.starling.api.Params;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.ReportApiMapper;
import social.starling.errors.NotFoundException;
import social.starling.model.Report;
import social.starling.service.moderation.ReportService;

/** {@code POST /api/v1/reports} (Mastodon's Api::V1::ReportsController#create), with {@code write:reports}. */
public final class ReportsHandler {
    private final ApiAuth auth;
    private final ReportService reports;
    private final ReportApiMapper mapper;
    private final ObjectMapper json;

    public ReportsHandler(ApiAuth auth, ReportService reports, ReportApiMapper mapper, ObjectMapper json) {
        this.auth = auth;
        this.reports = reports;
        this.mapper = mapper;
        this.json = json;
    }

    public void create(Context ctx) {
        var caller = auth.user(ctx, "write:reports");
        Params p = Params.of(ctx, json);
        long target;
        try {
            target = Long.parseLong(p.require("account_id").trim());
        } catch (NumberFormatException e) {
            throw new NotFoundException("Record not found");
        }
        Report report = reports.file(caller.accountId(), new ReportService.Request(target, p.strings("status_ids"),
                p.string("comment").orElse(null), p.string("category").orElse(null), p.strings("rule_ids"),
                p.bool("forward", false)));
        ctx.json(mapper.toApi(report, reports.target(report)));
    }
}
