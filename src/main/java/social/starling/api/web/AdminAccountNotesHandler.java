package social.starling.api.web;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import social.starling.errors.NotFoundException;
import social.starling.errors.UnprocessableException;
import social.starling.model.Account;
import social.starling.model.ModerationNote;
import social.starling.service.account.AdminAccountService;
import social.starling.service.account.AdminAccountService.Login;
import social.starling.service.moderation.StrikeService;
import social.starling.service.security.SessionService.WebUser;

/**
 * {@code GET /admin/accounts/{username}}: a local account's strikes and the staff's notes on it;
 * {@code POST /admin/accounts/{username}/notes} adds a note, {@code POST .../notes/{id}/delete} removes one of
 * one's own (both through {@link StrikeService}).
 */
final class AdminAccountNotesHandler {
    private final AdminAccountService admin;
    private final StrikeService strikes;
    private final AdminArea area;

    AdminAccountNotesHandler(AdminAccountService admin, StrikeService strikes, AdminArea area) {
        this.admin = admin;
        this.strikes = strikes;
        this.area = area;
    }

    void show(Context ctx) {
        WebUser staff = area.staff(ctx, AdminArea.Section.ACCOUNTS);
        if (staff != null) {
            render(ctx, staff, 200, admin.find(ctx.pathParam("username")), notice(ctx.queryParam("notice")), null);
        }
    }

    void addNote(Context ctx) {
        WebUser staff = area.staff(ctx, AdminArea.Section.ACCOUNTS);
        if (staff == null) {
            return;
        }
        Login login = admin.find(ctx.pathParam("username"));
        try {
            strikes.addNote(staff.account().id(), login.account().id(), ctx.formParam("content"));
        } catch (UnprocessableException e) {
            render(ctx, staff, 422, login, null, "Write a note of 1 to 2000 characters.");
            return;
        }
        ctx.redirect("/admin/accounts/" + login.account().username() + "?notice=note_added");
    }

    void deleteNote(Context ctx) {
        WebUser staff = area.staff(ctx, AdminArea.Section.ACCOUNTS);
        if (staff == null) {
            return;
        }
        Login login = admin.find(ctx.pathParam("username"));
        long noteId;
        try {
            noteId = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundException("Record not found");
        }
        if (strikes.notesOn(login.account().id()).stream().noneMatch(n -> n.id() == noteId)) {
            throw new NotFoundException("Record not found");
        }
        strikes.deleteNote(staff.account().id(), noteId);
        ctx.redirect("/admin/accounts/" + login.account().username() + "?notice=note_deleted");
    }

    private void render(Context ctx, WebUser staff, int status, Login login, String notice, String noteError) {
        Account a = login.account();
        List<AdminAccountPage.Strike> strikeRows = strikes.strikesOf(a.id()).stream()
                .map(s -> new AdminAccountPage.Strike(s.warning().action(), s.warning().text(),
                        s.warning().createdAt(), s.appeal().map(x -> x.state()).orElse(null),
                        s.warning().overruledAt() != null))
                .toList();
        List<ModerationNote> notes = strikes.notesOn(a.id());
        Map<Long, String> authors = new HashMap<>();
        for (ModerationNote n : notes) {
            authors.computeIfAbsent(n.accountId(), id -> {
                try {
                    return admin.target(id).account().acct();
                } catch (RuntimeException e) {
                    return "(deleted)";
                }
            });
        }
        List<AdminAccountPage.Note> noteRows = notes.stream().map(n -> new AdminAccountPage.Note(n.id(),
                authors.get(n.accountId()), n.content(), n.createdAt(), n.accountId() == staff.account().id()))
                .toList();
        String state = login.user().disabled() ? "Disabled" : a.suspended() ? "Suspended"
                : a.silencedAt() != null ? "Limited" : "Active";
        area.render(ctx, status, "admin_account.jte", a.username(), new AdminAccountPage(
                area.nav(staff.user().role(), AdminArea.Section.ACCOUNTS), notice, a.username(), state,
                login.user().role().wireName(), strikeRows, noteRows, noteError));
    }

    private static String notice(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "note_added" -> "The note was added.";
            case "note_deleted" -> "The note was deleted.";
            default -> null;
        };
    }
}
