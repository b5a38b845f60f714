package social.starling.api.web;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import social.starling.errors.ForbiddenException;
import social.starling.model.Role;
import social.starling.service.account.AdminAccountService;
import social.starling.service.account.AdminAccountService.Login;
import social.starling.service.security.SessionService.WebUser;

/**
 * {@code GET /admin/accounts} (filter by username, pending applications first, 40 a page) and the actions on one
 * login: {@code POST /admin/accounts/{username}/approve|reject|disable|enable} (reject is confirmed on a page of
 * its own first, {@code GET .../reject}, since it deletes the account). Each action is audited by the
 * service; the page then redirects back with a notice (post, redirect, get), so reloading repeats nothing.
 */
final class AdminAccountsHandler {
    static final int PAGE = 40;

    private final AdminAccountService admin;
    private final AdminArea area;

    AdminAccountsHandler(AdminAccountService admin, AdminArea area) {
        this.admin = admin;
        this.area = area;
    }

    void list(Context ctx) {
        WebUser staff = area.staff(ctx, AdminArea.Section.ACCOUNTS);
        if (staff == null) {
            return;
        }
        String username = ctx.queryParam("username");
        username = username == null || username.isBlank() ? null : username.strip();
        int offset = offset(ctx.queryParam("offset"));
        List<Login> found = admin.logins(username, offset, PAGE + 1);
        Role role = staff.user().role();
        List<AdminAccountsPage.Row> rows = found.stream().limit(PAGE).map(l -> row(l, role, staff)).toList();
        String older = found.size() > PAGE
                ? "/admin/accounts?" + (username == null ? "" : "username=" + encode(username) + "&")
                        + "offset=" + (offset + PAGE)
                : null;
        area.render(ctx, 200, "admin_accounts.jte", "Accounts", new AdminAccountsPage(
                area.nav(role, AdminArea.Section.ACCOUNTS), username,
                notice(ctx.queryParam("notice"), ctx.queryParam("target")), rows, older));
    }

    void approve(Context ctx) {
        act(ctx, "approved", (staff, username) -> admin.approve(staff.account().id(), username));
    }

    /** {@code GET /admin/accounts/{username}/reject}: rejecting deletes the account, so it is confirmed first. */
    void confirmReject(Context ctx) {
        WebUser staff = area.staff(ctx, AdminArea.Section.ACCOUNTS);
        if (staff == null) {
            return;
        }
        Login login = admin.find(ctx.pathParam("username"));
        String username = login.account().username();
        area.render(ctx, 200, "admin_confirm.jte", "Reject " + username, new AdminConfirmPage(
                area.nav(staff.user().role(), AdminArea.Section.ACCOUNTS), "Reject the application of " + username
                + "?", "Rejecting deletes the account and its e-mail address; this cannot be undone.",
                "/admin/accounts/" + username + "/reject", "Reject and delete", "/admin/accounts"));
    }

    void reject(Context ctx) {
        act(ctx, "rejected", (staff, username) -> admin.reject(staff.account().id(), username));
    }

    // Disabling and enabling need a role above the target's; approve and reject only touch applications.
    void disable(Context ctx) {
        act(ctx, "disabled", (staff, username) -> {
            requireOutranks(staff, username);
            admin.disable(staff.account().id(), username);
        });
    }

    void enable(Context ctx) {
        act(ctx, "enabled", (staff, username) -> {
            requireOutranks(staff, username);
            admin.enable(staff.account().id(), username);
        });
    }

    private interface Action {
        void run(WebUser staff, String username);
    }

    private void act(Context ctx, String notice, Action action) {
        WebUser staff = area.staff(ctx, AdminArea.Section.ACCOUNTS);
        if (staff == null) {
            return;
        }
        String username = ctx.pathParam("username");
        action.run(staff, username);
        ctx.redirect("/admin/accounts?notice=" + notice + "&target=" + encode(username));
    }

    private void requireOutranks(WebUser staff, String username) {
        Login target = admin.find(username);
        if (!AdminAccountService.outranks(staff.user().role(), target.user().role())) {
            throw new ForbiddenException("Your role does not allow changing " + username + ".");
        }
    }

    private static AdminAccountsPage.Row row(Login l, Role actor, WebUser staff) {
        var u = l.user();
        String state = u.disabled() ? "Disabled"
                : !u.approved() ? "Waiting for approval"
                : !u.confirmed() ? "E-mail not confirmed"
                : "Active";
        boolean mayChange = AdminAccountService.outranks(actor, u.role()) && l.account().id() != staff.account().id();
        return new AdminAccountsPage.Row(l.account().username(), u.email(), u.role().wireName(), state,
                !u.approved() && !u.disabled(), u.createdAt(), u.signUpReason(),
                mayChange && u.approved() && !u.disabled(), mayChange && u.disabled());
    }

    private static String notice(String code, String target) {
        if (code == null || target == null || target.isBlank()) {
            return null;
        }
        return switch (code) {
            case "approved" -> target + " was approved and can now log in.";
            case "rejected" -> "The application of " + target + " was rejected; the account was deleted.";
            case "disabled" -> target + " was disabled and signed out everywhere.";
            case "enabled" -> target + " was enabled again.";
            default -> null;
        };
    }

    private static int offset(String value) {
        try {
            return value == null ? 0 : Math.max(0, Math.min(Integer.parseInt(value.strip()), 1_000_000));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
