package social.starling.api.mastodon.v1.instance;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import social.starling.api.auth.ApiAuth;
import social.starling.config.Config;
import social.starling.convert.DomainBlockApiMapper;
import social.starling.service.moderation.DomainModerationService;

/**
 * {@code GET /api/v1/instance/domain_blocks}: the server's moderated domains, shown only as the admin chooses
 * ({@code STARLING_SHOW_DOMAIN_BLOCKS}, Mastodon's {@code show_domain_blocks}): {@code disabled} (the default)
 * answers a bare 404 as Mastodon's {@code head 404} does, {@code users} needs a signed-in user, {@code all} serves
 * anyone. As Mastodon's, the list holds the blocks that limit (silence, then suspend, each by domain), not the
 * noop ones, as DomainBlock entities: obfuscated domains starred, the digest of the real domain, the public comment.
 */
public final class DomainBlocksHandler implements Handler {
    private final ApiAuth auth;
    private final Config.Audience audience;
    private final DomainModerationService domains;
    private final DomainBlockApiMapper mapper;

    public DomainBlocksHandler(ApiAuth auth, Config.Audience audience, DomainModerationService domains,
                               DomainBlockApiMapper mapper) {
        this.auth = auth;
        this.audience = audience;
        this.domains = domains;
        this.mapper = mapper;
    }

    @Override
    public void handle(Context ctx) {
        boolean signedIn = audience == Config.Audience.USERS && auth.optionalUser(ctx).isPresent();
        if (!audience.allows(signedIn)) {
            ctx.status(404);
            return;
        }
        // Mastodon: expires_in 3.minutes, public
        ctx.header("Cache-Control", "public, max-age=180").json(mapper.publicList(domains.allBlocks()));
    }
}
