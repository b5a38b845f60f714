package social.starling.api.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import social.starling.errors.NotFoundException;
import social.starling.errors.UnprocessableException;
import social.starling.model.Rule;
import social.starling.service.moderation.RuleService;
import social.starling.service.security.SessionService.WebUser;

/**
 * The server's rules: {@code GET /admin/rules}, {@code POST /admin/rules} (add), {@code GET /admin/rules/{id}/edit},
 * {@code POST /admin/rules/{id}} (save), {@code POST /admin/rules/{id}/delete} and {@code POST /admin/rules/{id}/move}
 * ({@code direction} up or down). Invalid input re-renders the form with 422 and the messages next to the fields.
 */
final class AdminRulesHandler {
    private static final Set<String> FIELDS = Set.of("text", "hint");

    private final RuleService rules;
    private final AdminArea area;

    AdminRulesHandler(RuleService rules, AdminArea area) {
        this.rules = rules;
        this.area = area;
    }

    void list(Context ctx) {
        WebUser staff = area.staff(ctx, AdminArea.Section.RULES);
        if (staff != null) {
            render(ctx, 200, staff, notice(ctx.queryParam("notice")), null, "", "", FormErrors.NONE);
        }
    }

    void create(Context ctx) {
        WebUser staff = area.staff(ctx, AdminArea.Section.RULES);
        if (staff == null) {
            return;
        }
        String text = ctx.formParam("text");
        String hint = ctx.formParam("hint");
        try {
            rules.add(staff.account().id(), text, hint);
        } catch (UnprocessableException e) {
            render(ctx, 422, staff, null, null, text, hint, FormErrors.of(e, FIELDS));
            return;
        }
        ctx.redirect("/admin/rules?notice=added");
    }

    void edit(Context ctx) {
        WebUser staff = area.staff(ctx, AdminArea.Section.RULES);
        if (staff != null) {
            Rule rule = rules.require(id(ctx));
            render(ctx, 200, staff, null, rule, rule.text(), rule.hint(), FormErrors.NONE);
        }
    }

    void update(Context ctx) {
        WebUser staff = area.staff(ctx, AdminArea.Section.RULES);
        if (staff == null) {
            return;
        }
        Rule rule = rules.require(id(ctx));
        String text = ctx.formParam("text");
        String hint = ctx.formParam("hint");
        try {
            rules.update(staff.account().id(), rule.id(), text, hint);
        } catch (UnprocessableException e) {
            render(ctx, 422, staff, null, rule, text, hint, FormErrors.of(e, FIELDS));
            return;
        }
        ctx.redirect("/admin/rules?notice=saved");
    }

    void delete(Context ctx) {
        WebUser staff = area.staff(ctx, AdminArea.Section.RULES);
        if (staff != null) {
            rules.delete(staff.account().id(), id(ctx));
            ctx.redirect("/admin/rules?notice=deleted");
        }
    }

    void move(Context ctx) {
        WebUser staff = area.staff(ctx, AdminArea.Section.RULES);
        if (staff != null) {
            rules.move(staff.account().id(), id(ctx), "up".equals(ctx.formParam("direction")) ? -1 : 1);
            ctx.redirect("/admin/rules?notice=moved");
        }
    }

    private void render(Context ctx, int status, WebUser staff, String notice, Rule editing, String text,
                        String hint, FormErrors errors) {
        List<Rule> all = rules.list();
        area.render(ctx, status, "admin_rules.jte", editing == null ? "Rules" : "Edit rule", new AdminRulesPage(
                area.nav(staff.user().role(), AdminArea.Section.RULES), notice, all, editing,
                text == null ? "" : text, hint == null ? "" : hint, errors));
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundException("Record not found");
        }
    }

    private static String notice(String code) {
        return code == null ? null : switch (code) {
            case "added" -> "The rule was added.";
            case "saved" -> "The rule was saved.";
            case "deleted" -> "The rule was deleted.";
            case "moved" -> "The rule was moved.";
            default -> null;
        };
    }
}
