package social.starling.api.mastodon.v1.emails;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.Map;
import social.starling.api.Params;
import social.starling.api.auth.ApiAuth;
import social.starling.errors.UnprocessableException;
import social.starling.service.account.ResendConfirmationService;

/**
 * {@code POST /api/v1/emails/confirmations} (write:accounts), optional {@code email}: sends the confirmation
 * e-mail again. Unlike other user methods it is meant for a login that is not confirmed yet, so the token's user
 * is taken as it is (Api::V1::Emails::ConfirmationsController skips require_user!); answers {}.
 */
public final class ConfirmationsHandler {
    private final ApiAuth auth;
    private final ResendConfirmationService resend;
    private final ObjectMapper json;

    public ConfirmationsHandler(ApiAuth auth, ResendConfirmationService resend, ObjectMapper json) {
        this.auth = auth;
        this.resend = resend;
        this.json = json;
    }

    public void create(Context ctx) {
        var caller = auth.app(ctx, "write", "write:accounts");
        if (!caller.hasUser()) {
            throw new UnprocessableException("This method requires an authenticated user");
        }
        resend.resend(caller.accountId(), Params.of(ctx, json).string("email"));
        ctx.json(Map.of());
    }
}
