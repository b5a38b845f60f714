package social.starling.model.view;

import social.starling.model.Account;
import social.starling.model.Report;

/** A report with the account it names, as a member-facing Report entity shows it (in notifications). */
public record ReportView(Report report, Account target) {
}
