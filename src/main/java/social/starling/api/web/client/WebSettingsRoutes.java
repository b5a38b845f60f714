package social.starling.api.web.client;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import social.starling.api.RouteTable;
import social.starling.api.Routes;
import social.starling.convert.AccountApiMapper;
import social.starling.convert.entity.AccountEntity;
import social.starling.errors.UnprocessableException;
import social.starling.model.Account;
import social.starling.model.Limits;
import social.starling.model.Page;
import social.starling.model.view.Relationship;
import social.starling.service.account.AccountQueryService;
import social.starling.service.account.ResetPasswordService;
import social.starling.service.account.UpdateCredentialsService;
import social.starling.service.account.UpdateCredentialsService.FieldInput;
import social.starling.service.account.UpdateCredentialsService.Upload;
import social.starling.service.follow.GraphQueryService;
import social.starling.service.follow.RelationshipService;
import social.starling.service.oauth.TokenService;
import social.starling.service.security.LoginService;
import social.starling.service.security.SessionService.WebUser;

/**
 * The member's settings in the web client, each through the service its API twin uses: the profile and the
 * posting preferences ({@code PATCH /api/v1/accounts/update_credentials}: UpdateCredentialsService), the password
 * (the current one checked as signing in checks it, the new one set as a reset sets it, then the member's
 * other browsers are signed out, as Mastodon does), the authorised apps (the
 * token service revokes an app's tokens) and the export of followed accounts in Mastodon's CSV. A refused form
 * comes back with what was typed, its messages and 422.
 */
public final class WebSettingsRoutes implements Routes {
    private static final int UPLOAD_MAX = 2 * 1024 * 1024 + 1;

    private final ClientArea area;
    private final AccountQueryService accounts;
    private final UpdateCredentialsService update;
    private final LoginService logins;
    private final ResetPasswordService passwords;
    private final TokenService tokens;
    private final GraphQueryService graph;
    private final RelationshipService relationships;
    private final AccountApiMapper accountApi;
    private final String localDomain;

    public WebSettingsRoutes(ClientArea area, AccountQueryService accounts, UpdateCredentialsService update,
                             LoginService logins, ResetPasswordService passwords, TokenService tokens,
                             GraphQueryService graph, RelationshipService relationships, AccountApiMapper accountApi,
                             String localDomain) {
        this.area = area;
        this.accounts = accounts;
        this.update = update;
        this.logins = logins;
        this.passwords = passwords;
        this.tokens = tokens;
        this.graph = graph;
        this.relationships = relationships;
        this.accountApi = accountApi;
        this.localDomain = localDomain;
    }

    @Override
    public void register(RouteTable table) {
        var r = table.web();
        r.get("/web/settings", ctx -> ctx.redirect("/web/settings/profile"));
        r.get("/web/settings/profile", area.page(this::profile));
        r.post("/web/settings/profile", area.form(this::saveProfile));
        r.get("/web/settings/preferences", area.page(this::preferences));
        r.post("/web/settings/preferences", area.form(this::savePreferences));
        r.get("/web/settings/password", area.page(this::password));
        r.post("/web/settings/password", area.form(this::savePassword));
        r.get("/web/settings/applications", area.page(this::applications));
        r.post("/web/settings/applications/{id}/revoke", area.form(this::revoke));
        r.get("/web/settings/export", area.page(this::export));
        r.get("/web/settings/export/following_accounts.csv", area.page(this::followingCsv));
    }

    private ClientNav nav(Context ctx, WebUser member) {
        return area.nav(ctx, ClientNav.Section.SETTINGS, member);
    }

    // ---- profile ----

    private void profile(Context ctx) {
        var member = area.member(ctx);
        if (member == null) {
            return;
        }
        var me = accounts.self(member.account().id());
        Account a = me.account();
        List<SettingsPages.Field> fields = new ArrayList<>();
        me.fieldsSource().forEach(f -> fields.add(new SettingsPages.Field(f.name(), f.value())));
        renderProfile(ctx, 200, member, a, a.displayName(), a.noteSource() == null ? "" : a.noteSource(), fields,
                a.locked(), "Service".equals(a.actorType()), a.discoverable(), a.indexable(), List.of(),
                "1".equals(ctx.queryParam("saved")));
    }

    private void saveProfile(Context ctx) {
        var member = area.member(ctx);
        if (member == null) {
            return;
        }
        String displayName = text(ctx, "display_name");
        String note = text(ctx, "note");
        List<SettingsPages.Field> typed = new ArrayList<>();
        for (int i = 0; i < Limits.MAX_PROFILE_FIELDS; i++) {
            typed.add(new SettingsPages.Field(text(ctx, "fields_attributes[" + i + "][name]"),
                    text(ctx, "fields_attributes[" + i + "][value]")));
        }
        boolean locked = checked(ctx, "locked");
        boolean bot = checked(ctx, "bot");
        boolean discoverable = checked(ctx, "discoverable");
        boolean indexable = checked(ctx, "indexable");
        try {
            update.update(member.account().id(), new UpdateCredentialsService.Update(Optional.of(displayName),
                    Optional.of(note), upload(ctx, "avatar"), upload(ctx, "header"), Optional.of(locked),
                    Optional.of(bot), Optional.of(discoverable), Optional.of(indexable), Optional.empty(),
                    Optional.of(typed.stream().map(f -> new FieldInput(f.name(), f.value())).toList()),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        } catch (UnprocessableException e) {
            Account a = accounts.self(member.account().id()).account();
            renderProfile(ctx, 422, member, a, displayName, note, typed, locked, bot, discoverable, indexable,
                    List.of(e.getMessage()), false);
            return;
        }
        ctx.redirect("/web/settings/profile?saved=1", HttpStatus.SEE_OTHER);
    }

    private void renderProfile(Context ctx, int status, WebUser member, Account a, String displayName, String note,
                               List<SettingsPages.Field> fields, boolean locked, boolean bot, boolean discoverable,
                               boolean indexable, List<String> errors, boolean saved) {
        List<SettingsPages.Field> four = new ArrayList<>(fields);
        while (four.size() < Limits.MAX_PROFILE_FIELDS) {
            four.add(new SettingsPages.Field("", ""));
        }
        AccountEntity shown = accountApi.toApi(a);
        area.kit().render(ctx, status, "client/settings_profile.jte", "Profile settings",
                new SettingsPages.Profile(nav(ctx, member), shown.acct(), shown.avatarStatic(), shown.headerStatic(),
                        displayName, note, List.copyOf(four.subList(0, Limits.MAX_PROFILE_FIELDS)), locked, bot, discoverable, indexable, errors, saved));
    }

    // ---- preferences ----

    private void preferences(Context ctx) {
        var member = area.member(ctx);
        if (member == null) {
            return;
        }
        var user = accounts.self(member.account().id()).user();
        area.render(ctx, "settings_preferences.jte", "Preferences", new SettingsPages.Preferences(nav(ctx, member),
                user.defaultPrivacy(), user.defaultLanguage() == null ? "" : user.defaultLanguage(),
                user.defaultSensitive(), List.of(), "1".equals(ctx.queryParam("saved"))));
    }

    private void savePreferences(Context ctx) {
        var member = area.member(ctx);
        if (member == null) {
            return;
        }
        String privacy = text(ctx, "source[privacy]");
        String language = text(ctx, "source[language]").strip();
        boolean sensitive = checked(ctx, "source[sensitive]");
        try {
            update.update(member.account().id(), new UpdateCredentialsService.Update(Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(privacy),
                    Optional.of(sensitive), Optional.of(language), Optional.empty(), Optional.empty()));
        } catch (UnprocessableException e) {
            area.kit().render(ctx, 422, "client/settings_preferences.jte", "Preferences",
                    new SettingsPages.Preferences(nav(ctx, member), privacy, language, sensitive,
                            List.of(e.getMessage()), false));
            return;
        }
        ctx.redirect("/web/settings/preferences?saved=1", HttpStatus.SEE_OTHER);
    }

    // ---- password ----

    private void password(Context ctx) {
        var member = area.member(ctx);
        if (member == null) {
            return;
        }
        area.render(ctx, "settings_password.jte", "Password", new SettingsPages.Password(nav(ctx, member),
                List.of(), "1".equals(ctx.queryParam("saved"))));
    }

    private void savePassword(Context ctx) {
        var member = area.member(ctx);
        if (member == null) {
            return;
        }
        String current = Optional.ofNullable(ctx.formParam("current_password")).orElse("");
        String fresh = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String again = Optional.ofNullable(ctx.formParam("password_confirmation")).orElse("");
        List<String> errors = new ArrayList<>();
        // The current password is checked as signing in checks it (throttled, so it cannot be guessed here).
        boolean right = logins.verify(member.user().email(), current, ctx.ip())
                .filter(u -> u.accountId() == member.account().id()).isPresent();
        if (!right) {
            errors.add("Current password is invalid");
        } else if (!fresh.equals(again)) {
            errors.add("Password confirmation doesn't match Password");
        } else {
            try {
                passwords.reset(member.account().username(), fresh);
                area.kit().endOtherSessions(ctx, member.account().id());
            } catch (UnprocessableException e) {
                e.details().forEach((field, list) -> list.forEach(d -> errors.add("Password " + d.description())));
                if (errors.isEmpty()) {
                    errors.add(e.getMessage());
                }
            }
        }
        if (!errors.isEmpty()) {
            area.kit().render(ctx, 422, "client/settings_password.jte", "Password",
                    new SettingsPages.Password(nav(ctx, member), errors, false));
            return;
        }
        ctx.redirect("/web/settings/password?saved=1", HttpStatus.SEE_OTHER);
    }

    // ---- authorised applications ----

    private void applications(Context ctx) {
        var member = area.member(ctx);
        if (member == null) {
            return;
        }
        area.render(ctx, "settings_applications.jte", "Authorized apps", new SettingsPages.Applications(
                nav(ctx, member), tokens.authorizedApplications(member.account().id()),
                "1".equals(ctx.queryParam("revoked"))));
    }

    private void revoke(Context ctx) {
        var member = area.member(ctx);
        if (member == null) {
            return;
        }
        tokens.revokeApplication(member.account().id(), WebClientRoutes.pathId(ctx));
        ctx.redirect("/web/settings/applications?revoked=1", HttpStatus.SEE_OTHER);
    }

    // ---- export ----

    private void export(Context ctx) {
        var member = area.member(ctx);
        if (member == null) {
            return;
        }
        area.render(ctx, "settings_export.jte", "Export", new SettingsPages.Export(nav(ctx, member),
                accounts.self(member.account().id()).account().followingCount()));
    }

    /**
     * Mastodon's following_accounts.csv (Settings::Exports::FollowingAccountsController): a header row, then one
     * row per followed account with its full address, whether boosts are shown, whether new posts notify, and the
     * languages the follow is limited to (empty for all).
     */
    private void followingCsv(Context ctx) {
        var member = area.member(ctx);
        if (member == null) {
            return;
        }
        long me = member.account().id();
        StringBuilder csv = new StringBuilder("Account address,Show boosts,Notify on new posts,Languages\n");
        Optional<Long> maxId = Optional.empty();
        while (true) {
            List<GraphQueryService.Entry> page = graph.following(me, me, new Page(maxId, Optional.empty(),
                    Optional.empty(), 80));
            if (page.isEmpty()) {
                break;
            }
            List<Relationship> rels = relationships.of(me, page.stream().map(e -> e.account().id()).toList());
            java.util.Map<Long, Relationship> byId = new java.util.HashMap<>();
            rels.forEach(r -> byId.put(r.id(), r));
            for (GraphQueryService.Entry e : page) {
                Account a = e.account();
                Relationship r = byId.get(a.id());
                String address = a.username() + "@" + (a.domain() == null ? localDomain : a.domain());
                csv.append(cell(address)).append(',')
                        .append(r == null || r.showingReblogs()).append(',')
                        .append(r != null && r.notifying()).append(',')
                        .append(cell(r == null || r.languages() == null ? "" : String.join(", ", r.languages())))
                        .append('\n');
            }
            maxId = Optional.of(page.getLast().pagingId());
        }
        ctx.header("Content-Disposition", "attachment; filename=\"following_accounts.csv\"");
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/csv; charset=utf-8").result(csv.toString());
    }

    /** One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. */
    static String cell(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    // ---- form helpers ----

    private static String text(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("");
    }

    /** A checkbox: present with any value but "0"/"false" (a hidden "0" before it sends false explicitly). */
    private static boolean checked(Context ctx, String name) {
        List<String> values = ctx.formParams(name);
        return !values.isEmpty() && !"0".equals(values.getLast()) && !"false".equals(values.getLast());
    }

    /** An uploaded image, as update_credentials reads it; an empty file part (no file chosen) is none. */
    private static Optional<Upload> upload(Context ctx, String name) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            return Optional.empty();
        }
        UploadedFile file = ctx.uploadedFile(name);
        if (file == null || file.size() == 0) {
            return Optional.empty();
        }
        try (InputStream in = file.content()) {
            return Optional.of(new Upload(in.readNBytes((int) Math.min(file.size(), UPLOAD_MAX)), file.contentType()));
        } catch (IOException e) {
            throw new UnprocessableException("Validation failed: " + name + " could not be read");
        }
    }
}
