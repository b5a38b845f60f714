package social.starling.api.web;

import io.javalin.http.Context;
import java.util.List;
import social.starling.errors.NotFoundException;
import social.starling.errors.UnprocessableException;
import social.starling.service.moderation.StrikeService;
import social.starling.service.security.SessionService.WebUser;

/**
 * The member's side of strikes: {@code GET /disputes/strikes} (their strikes, any role) and
 * {@code POST /disputes/strikes/{id}/appeal} (once per strike); and the staff's queue,
 * {@code GET /admin/disputes/appeals} with {@code POST /admin/disputes/appeals/{id}/approve|reject}
 * (MANAGE_APPEALS). Everything goes through {@link StrikeService}: approving overrules the strike and undoes its
 * action, and both decisions are audited.
 */
final class DisputesHandler {
    static final int QUEUE = 100;

    private final StrikeService strikes;
    private final AdminArea area;

    DisputesHandler(StrikeService strikes, AdminArea area) {
        this.strikes = strikes;
        this.area = area;
    }

    void mine(Context ctx) {
        WebUser user = area.member(ctx);
        if (user != null) {
            render(ctx, user, 200, "appealed".equals(ctx.queryParam("notice"))
                    ? "Your appeal was sent; the moderators will decide on it." : null, 0, null);
        }
    }

    void appeal(Context ctx) {
        WebUser user = area.member(ctx);
        if (user == null) {
            return;
        }
        long strikeId = id(ctx);
        try {
            strikes.appeal(user.account().id(), strikeId, ctx.formParam("text"));
        } catch (UnprocessableException e) {
            render(ctx, user, 422, null, strikeId, e.getMessage().replace("Validation failed: ", ""));
            return;
        }
        ctx.redirect("/disputes/strikes?notice=appealed");
    }

    void queue(Context ctx) {
        WebUser staff = area.staff(ctx, AdminArea.Section.APPEALS);
        if (staff == null) {
            return;
        }
        List<AdminAppealsPage.Row> rows = strikes.pendingAppeals(QUEUE).stream().map(p -> new AdminAppealsPage.Row(
                p.appeal().id(), p.acct(), p.warning().action(), p.warning().text(), p.warning().createdAt(),
                p.appeal().text(), p.appeal().createdAt())).toList();
        String code = ctx.queryParam("notice");
        String notice = "approved".equals(code) ? "The appeal was approved; the strike is overruled and its action undone."
                : "rejected".equals(code) ? "The appeal was rejected." : null;
        area.render(ctx, 200, "admin_appeals.jte", "Appeals", new AdminAppealsPage(
                area.nav(staff.user().role(), AdminArea.Section.APPEALS), notice, rows));
    }

    void approve(Context ctx) {
        WebUser staff = area.staff(ctx, AdminArea.Section.APPEALS);
        if (staff != null) {
            strikes.approve(staff.account().id(), id(ctx));
            ctx.redirect("/admin/disputes/appeals?notice=approved");
        }
    }

    void reject(Context ctx) {
        WebUser staff = area.staff(ctx, AdminArea.Section.APPEALS);
        if (staff != null) {
            strikes.reject(staff.account().id(), id(ctx));
            ctx.redirect("/admin/disputes/appeals?notice=rejected");
        }
    }

    private void render(Context ctx, WebUser user, int status, String notice, long errorStrike, String error) {
        List<StrikesPage.Strike> rows = strikes.strikesOf(user.account().id()).stream().map(s ->
                new StrikesPage.Strike(s.warning().id(), s.warning().action(), s.warning().text(),
                        s.warning().createdAt(), s.warning().overruledAt() != null,
                        s.appeal().map(a -> a.state()).orElse(null), s.appeal().map(a -> a.text()).orElse(null),
                        s.appeal().map(a -> a.createdAt()).orElse(null))).toList();
        area.render(ctx, status, "strikes.jte", "Your strikes", new StrikesPage(notice, rows, errorStrike, error));
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundException("Record not found");
        }
    }
}
