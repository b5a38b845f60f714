package social.starling.wiring;

import social.starling.App;
import social.starling.api.web.WebRoutes;

/** Starling's own HTML pages (api/web). */
public final class WebModule implements Module {
    @Override
    public void install(App app, Wiring wiring) {
        wiring.routes(new WebRoutes(app.config, app.instance, app.register, app.confirmEmail, app.passwordReset,
                app.inviteService, app.logins, app.sessions, app.tokens, app.accountQueries));
    }
}
