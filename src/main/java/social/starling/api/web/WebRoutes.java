package social.starling.api.web;

import io.javalin.http.Handler;
import social.starling.api.RouteTable;
import social.starling.api.Routes;
import social.starling.config.Config;
import social.starling.service.moderation.DomainModerationService;
import social.starling.service.account.AccountQueryService;
import social.starling.service.account.ConfirmEmailService;
import social.starling.service.account.InviteService;
import social.starling.service.account.PasswordResetService;
import social.starling.service.account.RegisterService;
import social.starling.service.instance.InstanceService;
import social.starling.service.instance.RegistrationSettings;
import social.starling.service.oauth.TokenService;
import social.starling.service.security.LoginService;
import social.starling.service.security.SessionService;

/**
 * Starling's own HTML pages, at Mastodon's paths. Every page answers errors as a page (not JSON); every POST is
 * refused with 422 unless it carries this browser's CSRF token.
 */
public final class WebRoutes implements Routes {
    private final Pages pages;
    private final AboutHandler about;
    private final SignUpHandler signUp;
    private final ConfirmationHandler confirmation;
    private final SignInHandler signIn;
    private final PasswordHandler password;
    private final AuthorizeHandler authorize;

    public WebRoutes(Config config, InstanceService instance, RegisterService register, ConfirmEmailService confirm,
                     PasswordResetService passwordReset, InviteService invites, LoginService logins,
                     SessionService sessions, TokenService tokens, AccountQueryService accounts,
                     RegistrationSettings registrations, DomainModerationService domains) {
        Cookies cookies = new Cookies("https".equalsIgnoreCase(config.server().protocol()));
        Csrf csrf = new Csrf(cookies);
        WebSession session = new WebSession(sessions, cookies, csrf);
        this.pages = new Pages(instance, session, csrf);
        // "/" and "/about" are served by RemoteInteractionRoutes, which has the public timeline for the front door.
        this.about = new AboutHandler(instance, new WebKit(pages, session, csrf), config.instance().showDomainBlocks(),
                domains, java.util.List::of);
        this.signUp = new SignUpHandler(register, invites, instance, config.instance(), registrations,
                pages);
        this.confirmation = new ConfirmationHandler(confirm, accounts, pages);
        this.signIn = new SignInHandler(logins, session, pages);
        this.password = new PasswordHandler(passwordReset, pages);
        this.authorize = new AuthorizeHandler(tokens, session, pages);
    }

    @Override
    public void register(RouteTable table) {
        var r = table.web();
        r.get("/privacy-policy", page(about::privacyPolicy));
        r.get("/terms-of-service", page(about::termsOfService));

        r.get("/auth/sign_up", page(signUp::form));
        r.post("/auth", form(signUp::submit));
        r.get("/auth/setup", page(signUp::setup));
        r.get("/invite/{code}", page(signUp::invite));
        r.get("/auth/confirmation", page(confirmation::confirm));

        r.get("/auth/sign_in", page(signIn::form));
        r.post("/auth/sign_in", form(signIn::submit));
        r.post("/auth/sign_out", form(signIn::signOut));

        r.get("/auth/password/new", page(password::newForm));
        r.post("/auth/password", form(password::request));
        r.get("/auth/password/edit", page(password::editForm));
        r.post("/auth/password/edit", form(password::update));

        r.get("/oauth/authorize", page(authorize::show));
        r.post("/oauth/authorize", form(authorize::approve));
        r.post("/oauth/authorize/deny", form(authorize::deny));
    }

    private Handler page(Handler handler) {
        return pages.page(handler);
    }

    private Handler form(Handler handler) {
        return pages.form(handler);
    }
}
