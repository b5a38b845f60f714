package social.starling.api.mastodon.v1.accounts;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import social.starling.api.Params;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.entity.TokenEntity;
import social.starling.model.oauth.Scopes;
import social.starling.service.account.RegisterService;
import social.starling.service.oauth.TokenService;

/**
 * {@code POST /api/v1/accounts}: sign-up from an app (app token with {@code write:accounts}); answers a Token for
 * the new account, which works once the address is confirmed (and the account approved).
 */
public final class RegistrationHandler {
    private final ApiAuth auth;
    private final RegisterService register;
    private final TokenService tokens;
    private final ObjectMapper json;

    public RegistrationHandler(ApiAuth auth, RegisterService register, TokenService tokens, ObjectMapper json) {
        this.auth = auth;
        this.register = register;
        this.tokens = tokens;
        this.json = json;
    }

    public void handle(Context ctx) {
        var caller = auth.app(ctx, "write:accounts");
        Params p = Params.of(ctx, json);
        var account = register.register(new RegisterService.Request(
                p.string("username").orElse(null), p.string("email").orElse(null), p.string("password").orElse(null),
                p.bool("agreement", false), p.string("locale").orElse("en"), p.string("reason").orElse(null),
                p.string("date_of_birth").orElse(null), p.string("invite_code").orElse(null), ctx.ip()));
        var issued = tokens.issueForNewAccount(caller.token().applicationId(), account.id(), caller.token().scopes());
        ctx.json(new TokenEntity(issued.accessToken(), "Bearer", Scopes.format(issued.token().scopes()),
                issued.token().createdAt().getEpochSecond()));
    }
}
