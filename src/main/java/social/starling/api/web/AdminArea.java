package social.starling.api.web;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import social.starling.model.Permission;
import social.starling.model.Role;
import social.starling.service.security.SessionService.WebUser;

/**
 * The staff's pages under {@code /admin}: who may open which section (Mastodon's permission for it), and the shared
 * navigation. A visitor is sent to sign in and comes back; a signed-in member, or staff without the section's
 * permission, gets a 403 page.
 */
final class AdminArea {
    enum Section {
        DASHBOARD("/admin", "Dashboard", Permission.VIEW_DASHBOARD),
        REPORTS("/admin/reports", "Reports", Permission.MANAGE_REPORTS),
        ACCOUNTS("/admin/accounts", "Accounts", Permission.MANAGE_USERS),
        APPEALS("/admin/disputes/appeals", "Appeals", Permission.MANAGE_APPEALS),
        DOMAIN_BLOCKS("/admin/domain_blocks", "Domain blocks", Permission.MANAGE_FEDERATION),
        RULES("/admin/rules", "Rules", Permission.MANAGE_RULES),
        REGISTRATIONS("/admin/settings/registrations", "Registrations", Permission.MANAGE_SETTINGS),
        AUDIT_LOG("/admin/audit_log", "Audit log", Permission.VIEW_AUDIT_LOG);

        final String href;
        final String label;
        final Permission permission;

        Section(String href, String label, Permission permission) {
            this.href = href;
            this.label = label;
            this.permission = permission;
        }
    }

    private final WebSession session;
    private final Pages pages;

    AdminArea(WebSession session, Pages pages) {
        this.session = session;
        this.pages = pages;
    }

    /**
     * The signed-in staff member allowed into {@code section}; otherwise answers (a redirect to sign in for a
     * visitor, 403 for anyone else) and returns null.
     */
    WebUser staff(Context ctx, Section section) {
        WebUser user = session.user(ctx).orElse(null);
        if (user == null) {
            if ("GET".equals(ctx.method().name())) {
                session.rememberReturnTo(ctx, ctx.queryString() == null ? ctx.path()
                        : ctx.path() + "?" + ctx.queryString());
            }
            ctx.redirect("/auth/sign_in");
            return null;
        }
        if (!LoginState.problems(user.user()).isEmpty() || !user.user().role().can(section.permission)) {
            pages.message(ctx, 403, MessagePage.of("Not allowed",
                    "This page is for the staff of this server who may " + what(section) + ".")
                    .with(new Link("/", "Home")));
            return null;
        }
        return user;
    }

    /**
     * The signed-in member, whatever their role; a visitor is sent to sign in (and comes back) and null returned.
     */
    WebUser member(Context ctx) {
        WebUser user = session.user(ctx).orElse(null);
        if (user == null) {
            if ("GET".equals(ctx.method().name())) {
                session.rememberReturnTo(ctx, ctx.path());
            }
            ctx.redirect("/auth/sign_in");
        }
        return user;
    }

    /** The navigation for this staff member: the sections their role may open. */
    AdminNav nav(Role role, Section current) {
        List<AdminNav.Item> items = Arrays.stream(Section.values())
                .filter(s -> role.can(s.permission))
                .map(s -> new AdminNav.Item(s.href, s.label, s == current))
                .toList();
        return new AdminNav(items);
    }

    void render(Context ctx, int status, String template, String title, Object page) {
        pages.render(ctx, status, template, title, page);
    }

    private static String what(Section section) {
        return switch (section) {
            case DASHBOARD -> "view the dashboard";
            case REPORTS -> "handle reports";
            case ACCOUNTS -> "manage accounts";
            case APPEALS -> "decide appeals";
            case DOMAIN_BLOCKS -> "manage federation";
            case RULES -> "edit the server's rules";
            case REGISTRATIONS -> "change the server's settings";
            case AUDIT_LOG -> "read the audit log";
        };
    }
}
