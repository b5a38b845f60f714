package social.starling.api.web;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import social.starling.config.Config;
import social.starling.errors.UnprocessableException;
import social.starling.model.RegistrationMode;
import social.starling.service.instance.RegistrationSettings;
import social.starling.service.security.SessionService.WebUser;

/**
 * {@code GET /admin/settings/registrations} and {@code POST} to it: who may sign up (open, approval, invite only,
 * closed). The limits that only the configuration sets (minimum age, waiting applications, sign-ups per address,
 * member invites) are shown for reference.
 */
final class AdminRegistrationsHandler {
    private final RegistrationSettings registrations;
    private final Config.Instance config;
    private final AdminArea area;

    AdminRegistrationsHandler(RegistrationSettings registrations, Config.Instance config, AdminArea area) {
        this.registrations = registrations;
        this.config = config;
        this.area = area;
    }

    void show(Context ctx) {
        WebUser staff = area.staff(ctx, AdminArea.Section.REGISTRATIONS);
        if (staff == null) {
            return;
        }
        RegistrationMode mode = registrations.mode();
        List<AdminRegistrationsPage.Option> options = Arrays.stream(RegistrationMode.values())
                .map(m -> new AdminRegistrationsPage.Option(m.wireName(), Registrations.label(m),
                        Registrations.summary(m), m == mode))
                .toList();
        List<AdminRegistrationsPage.Fact> facts = List.of(
                new AdminRegistrationsPage.Fact("Minimum age", config.minAge().map(Object::toString).orElse("none")),
                new AdminRegistrationsPage.Fact("Applications waiting at most",
                        Integer.toString(config.maxPendingSignups())),
                new AdminRegistrationsPage.Fact("Sign-ups per address per hour",
                        Integer.toString(config.signupsPerIpPerHour())),
                new AdminRegistrationsPage.Fact("Members may invite", config.memberInvites() ? "yes" : "no"));
        String notice = "saved".equals(ctx.queryParam("notice")) ? "The registration mode was saved." : null;
        area.render(ctx, 200, "admin_registrations.jte", "Registrations", new AdminRegistrationsPage(
                area.nav(staff.user().role(), AdminArea.Section.REGISTRATIONS), notice, options, facts));
    }

    void update(Context ctx) {
        WebUser staff = area.staff(ctx, AdminArea.Section.REGISTRATIONS);
        if (staff == null) {
            return;
        }
        String value = ctx.formParam("mode");
        RegistrationMode mode = (value == null ? java.util.Optional.<RegistrationMode>empty()
                : RegistrationMode.parse(value))
                .orElseThrow(() -> new UnprocessableException("Choose open, approval, invite or closed."));
        registrations.setMode(staff.account().id(), mode);
        ctx.redirect("/admin/settings/registrations?notice=saved");
    }
}
