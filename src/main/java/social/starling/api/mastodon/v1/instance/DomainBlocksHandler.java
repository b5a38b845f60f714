package social.starling.api.mastodon.v1.instance;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import social.starling.api.auth.ApiAuth;
import social.starling.config.Config;

/**
 * {@code GET /api/v1/instance/domain_blocks}: the server's moderated domains, shown only as the admin chooses
 * ({@code STARLING_SHOW_DOMAIN_BLOCKS}, Mastodon's {@code show_domain_blocks}): {@code disabled} (the default)
 * answers a bare 404 as Mastodon's {@code head 404} does, {@code users} needs a signed-in user, {@code all} serves
 * anyone. Starling has no server-wide domain blocks yet, so the list it shows is empty.
 */
public final class DomainBlocksHandler implements Handler {
    private final ApiAuth auth;
    private final Config.Audience audience;

    public DomainBlocksHandler(ApiAuth auth, Config.Audience audience) {
        this.auth = auth;
        this.audience = audience;
    }

    @Override
    public void handle(Context ctx) {
        boolean signedIn = audience == Config.Audience.USERS && auth.optionalUser(ctx).isPresent();
        if (!audience.allows(signedIn)) {
            ctx.status(404);
            return;
        }
        // Mastodon: expires_in 3.minutes, public
        ctx.header("Cache-Control", "public, max-age=180").json(List.of());
    }
}
