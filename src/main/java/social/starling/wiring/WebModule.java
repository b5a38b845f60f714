package social.starling.wiring;

import social.starling.api.PublicFiles;
import social.starling.api.RouteTable;
import social.starling.api.web.WebRoutes;
import social.starling.config.Config;

/** Starling's own HTML pages (api/web) and the files shipped with them. */
public final class WebModule implements Module {
    private final WebRoutes pages;
    private final PublicFiles files = new PublicFiles();

    public WebModule(Config config, AccountComponents accounts, ModerationComponents moderation) {
        this.pages = new WebRoutes(config, accounts.instance(), accounts.register(), accounts.confirmEmail(),
                accounts.passwordReset(), accounts.invites(), accounts.logins(), accounts.sessions(),
                accounts.tokens(), accounts.queries(), accounts.registrationSettings(), moderation.domains());
    }

    @Override
    public void routes(RouteTable routes) {
        pages.register(routes);
        files.register(routes);
    }
}
