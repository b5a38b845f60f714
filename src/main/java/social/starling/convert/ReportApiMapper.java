package social.starling.convert;

import java.util.List;
import social.starling.convert.entity.ReportEntity;
import social.starling.model.Account;
import social.starling.model.Report;

/** Report → Mastodon's Report entity (ids as strings; status_ids and rule_ids null when empty, as Mastodon). */
public final class ReportApiMapper {
    private final AccountApiMapper accounts;

    public ReportApiMapper(AccountApiMapper accounts) {
        this.accounts = accounts;
    }

    public ReportEntity toApi(Report r, Account target) {
        return new ReportEntity(Long.toString(r.id()), r.actionTakenAt() != null, r.actionTakenAt(), r.category(),
                r.comment(), r.forwarded(), r.createdAt(), strings(r.statusIds()), strings(r.ruleIds()),
                accounts.toApi(target));
    }

    private static List<String> strings(List<Long> ids) {
        return ids == null || ids.isEmpty() ? null : ids.stream().map(String::valueOf).toList();
    }
}
