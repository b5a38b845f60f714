package social.starling.api.mastodon.v1.profile;

import io.javalin.http.Context;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.AccountApiMapper;
import social.starling.service.account.AccountQueryService;
import social.starling.service.account.UpdateCredentialsService;

/**
 * {@code DELETE /api/v1/profile/avatar} and {@code DELETE /api/v1/profile/header} (write:accounts): back to the
 * default image; the CredentialAccount afterwards (Api::V1::Profile::AvatarsController, HeadersController).
 */
public final class ProfileImagesHandler {
    private final ApiAuth auth;
    private final UpdateCredentialsService update;
    private final AccountQueryService accounts;
    private final AccountApiMapper mapper;

    public ProfileImagesHandler(ApiAuth auth, UpdateCredentialsService update, AccountQueryService accounts,
                                AccountApiMapper mapper) {
        this.auth = auth;
        this.update = update;
        this.accounts = accounts;
        this.mapper = mapper;
    }

    public void deleteAvatar(Context ctx) {
        remove(ctx, true);
    }

    public void deleteHeader(Context ctx) {
        remove(ctx, false);
    }

    private void remove(Context ctx, boolean avatar) {
        var caller = auth.user(ctx, "write:accounts");
        update.removeImage(caller.accountId(), avatar);
        var me = accounts.self(caller.accountId());
        ctx.json(mapper.toCredential(me.account(), me.user(), me.followRequests(), me.fieldsSource(),
                me.attributionDomains()));
    }
}
