package social.starling.api.web.client;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import social.starling.api.web.WebKit;
import social.starling.service.security.SessionService.WebUser;

/**
 * The web client's pages under {@code /web}: only for a signed-in member whose login works (others are sent to sign
 * in, or told why they cannot); every page is rendered with the client's navigation; every POST needs this
 * browser's CSRF token; after an action without JavaScript the browser goes back where it was
 * ({@code return_to}, same-origin paths only).
 */
public final class ClientArea {
    private final WebKit kit;

    public ClientArea(WebKit kit) {
        this.kit = kit;
    }

    public WebKit kit() {
        return kit;
    }

    /** The member, or null when this answered already (see {@link WebKit#member}). */
    public WebUser member(Context ctx) {
        return kit.member(ctx);
    }

    public ClientNav nav(Context ctx, ClientNav.Section current, WebUser member) {
        return ClientNav.of(current, member.account().username(), kit.csrf(ctx));
    }

    /** Renders {@code client/<template>} with status 200. */
    public void render(Context ctx, String template, String title, Object page) {
        kit.render(ctx, 200, "client/" + template, title, page);
    }

    public Handler page(Handler handler) {
        return kit.page(handler);
    }

    public Handler form(Handler handler) {
        return kit.form(handler);
    }

    /** Was this request made by htmx (it then wants a fragment, not a whole page)? */
    public static boolean htmx(Context ctx) {
        return "true".equals(ctx.header("HX-Request"));
    }

    /** Back to the form's {@code return_to} when it is a path on this server, else to {@code fallback}. */
    public static void back(Context ctx, String fallback) {
        String to = ctx.formParam("return_to");
        ctx.redirect(to != null && WebKit.safePath(to) ? to : fallback, io.javalin.http.HttpStatus.SEE_OTHER);
    }
}
