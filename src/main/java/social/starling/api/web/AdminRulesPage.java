package social.starling.api.web;

import java.util.List;
import social.starling.model.Rule;

/**
 * {@code /admin/rules} (the rules in order with their actions, and the form to add one) and
 * {@code /admin/rules/{id}/edit} ({@code editing} set: the form for that rule).
 */
public record AdminRulesPage(AdminNav nav, String notice, List<Rule> rules, Rule editing, String text, String hint,
                             FormErrors errors) {
}
