package social.starling.convert;

import java.util.List;
import java.util.Map;
import social.starling.convert.entity.AdminAccountEntity;
import social.starling.convert.entity.AdminReportEntity;
import social.starling.convert.entity.RuleEntity;
import social.starling.model.Report;
import social.starling.model.view.AdminReportView;

/** A report as moderators see it → Mastodon's Admin::Report (REST::Admin::ReportSerializer). */
public final class AdminReportApiMapper {
    private final AdminAccountApiMapper accounts;
    private final StatusApiMapper statuses;

    public AdminReportApiMapper(AdminAccountApiMapper accounts, StatusApiMapper statuses) {
        this.accounts = accounts;
        this.statuses = statuses;
    }

    public List<AdminReportEntity> toApi(List<AdminReportView> views) {
        return views.stream().map(this::toApi).toList();
    }

    public AdminReportEntity toApi(AdminReportView v) {
        Report r = v.report();
        return new AdminReportEntity(Long.toString(r.id()), r.resolved(), r.actionTakenAt(), r.category(),
                r.comment(), r.forwarded(), r.createdAt(), r.updatedAt(), party(v.account()), party(v.target()),
                party(v.assigned()), party(v.actionTakenBy()),
                v.statuses().stream().map(statuses::toApi).toList(),
                v.rules().stream().map(rule -> new RuleEntity(Long.toString(rule.id()), rule.text(), rule.hint(),
                        Map.of())).toList());
    }

    // The last IP and whether media is forced sensitive are not known here yet: null and false.
    private AdminAccountEntity party(AdminReportView.Party p) {
        return p == null ? null : accounts.toApi(p.account(), p.user(), null, false);
    }
}
