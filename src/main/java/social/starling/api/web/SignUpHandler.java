package social.starling.api.web;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import social.starling.config.Config;
import social.starling.errors.ForbiddenException;
import social.starling.errors.UnprocessableException;
import social.starling.model.RegistrationMode;
import social.starling.service.account.InviteService;
import social.starling.service.account.RegisterService;
import social.starling.service.instance.InstanceService;
import social.starling.service.instance.RegistrationSettings;

/**
 * Sign-up: {@code GET /auth/sign_up} (the form, or a 403 page when sign-ups are closed and no invite was given),
 * {@code POST /auth} (register; errors re-render the form with 422), {@code GET /auth/setup} ("check your e-mail"),
 * {@code GET /invite/{code}} (an invite link: the form with the code filled in).
 */
final class SignUpHandler {
    private static final Set<String> FIELDS = Set.of("username", "email", "password", "password_confirmation",
            "agreement", "reason", "date_of_birth", "invite_code");

    private final RegisterService register;
    private final InviteService invites;
    private final InstanceService instance;
    private final Config.Instance config;
    private final RegistrationSettings registrations;
    private final Pages pages;

    SignUpHandler(RegisterService register, InviteService invites, InstanceService instance, Config.Instance config,
                  RegistrationSettings registrations, Pages pages) {
        this.register = register;
        this.invites = invites;
        this.instance = instance;
        this.config = config;
        this.registrations = registrations;
        this.pages = pages;
    }

    void form(Context ctx) {
        String invite = ctx.queryParam("invite");
        if (registrations.mode() == RegistrationMode.CLOSED && !usable(invite)) {
            closed(ctx, invite != null && !invite.isBlank());
            return;
        }
        SignUpPage.Values values = new SignUpPage.Values(null, null, null, null, invite, false);
        renderForm(ctx, 200, values, FormErrors.NONE);
    }

    void submit(Context ctx) {
        SignUpPage.Values values = new SignUpPage.Values(field(ctx, "username"), field(ctx, "email"),
                field(ctx, "reason"), field(ctx, "date_of_birth"), field(ctx, "invite_code"),
                ctx.formParam("user[agreement]") != null);
        String password = ctx.formParam("user[password]");
        if (password != null && !password.equals(ctx.formParam("user[password_confirmation]"))) {
            renderForm(ctx, 422, values, FormErrors.field("password_confirmation", "Doesn't match the password."));
            return;
        }
        boolean review = registrations.mode() == RegistrationMode.APPROVAL && !usable(values.inviteCode())
                || register.ipRequiresApproval(ctx.ip());
        try {
            register.register(new RegisterService.Request(values.username(), values.email(), password,
                    values.agreement(), locale(ctx), values.reason(), values.dateOfBirth(), values.inviteCode(),
                    ctx.ip()));
        } catch (UnprocessableException e) {
            renderForm(ctx, 422, values, FormErrors.of(e, FIELDS));
            return;
        } catch (ForbiddenException e) {
            closed(ctx, values.inviteCode() != null && !values.inviteCode().isBlank());
            return;
        }
        ctx.redirect(review ? "/auth/setup?review=1" : "/auth/setup");
    }

    /** After signing up. {@code review=1} only changes the wording; it grants nothing. */
    void setup(Context ctx) {
        MessagePage page = "1".equals(ctx.queryParam("review"))
                ? MessagePage.of("Check your e-mail",
                        "We sent you a link to confirm your e-mail address. Open it to confirm the address.",
                        "Your application is now waiting for review by the staff of this server. You will get an "
                                + "e-mail once it is approved; then you can log in.")
                : MessagePage.of("Check your e-mail",
                        "We sent you a link to confirm your e-mail address. Open it, and your account is ready: "
                                + "then you can log in.",
                        "No e-mail? Look in your spam folder. The link works for 48 hours.");
        pages.message(ctx, 200, page.with(new Link("/auth/sign_in", "Log in")));
    }

    void invite(Context ctx) {
        ctx.redirect("/auth/sign_up?invite=" + URLEncoder.encode(ctx.pathParam("code"), StandardCharsets.UTF_8));
    }

    private void renderForm(Context ctx, int status, SignUpPage.Values values, FormErrors errors) {
        RegistrationMode mode = registrations.mode();
        boolean inviteNeeded = mode == RegistrationMode.INVITE || mode == RegistrationMode.CLOSED;
        boolean hasInvite = values.inviteCode() != null && !values.inviteCode().isBlank();
        SignUpPage page = new SignUpPage(instance.describe().title(), Registrations.label(mode),
                Registrations.summary(mode), instance.rules(),
                mode == RegistrationMode.APPROVAL && !usable(values.inviteCode()),
                config.minAge().isPresent(), config.minAge().orElse(null), inviteNeeded || hasInvite, inviteNeeded,
                values, errors);
        pages.render(ctx, status, "sign_up.jte", "Sign up", page);
    }

    private void closed(Context ctx, boolean badInvite) {
        MessagePage page = badInvite
                ? MessagePage.of("Sign-ups are closed",
                        "This invite link is not valid any more: it was used up, revoked or has expired.",
                        Registrations.summary(RegistrationMode.CLOSED))
                : MessagePage.of("Sign-ups are closed", Registrations.summary(RegistrationMode.CLOSED));
        pages.render(ctx, 403, "closed.jte", "Sign-ups are closed", page);
    }

    private boolean usable(String invite) {
        return invite != null && !invite.isBlank() && invites.usable(invite).isPresent();
    }

    private static String field(Context ctx, String name) {
        String value = ctx.formParam("user[" + name + "]");
        return value == null ? null : value.strip();
    }

    /** The browser's first language, if it is a plain ISO 639-1 code. */
    private static String locale(Context ctx) {
        String header = ctx.header("Accept-Language");
        if (header == null || header.length() < 2) {
            return null;
        }
        String first = header.substring(0, 2).toLowerCase(Locale.ROOT);
        return first.chars().allMatch(c -> c >= 'a' && c <= 'z') ? first : null;
    }
}
