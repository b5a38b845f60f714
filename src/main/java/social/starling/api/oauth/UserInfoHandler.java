package social.starling.api.oauth;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.Map;
import social.starling.api.auth.ApiAuth;
import social.starling.convert.AccountApiMapper;

/** {@code GET/POST /oauth/userinfo}: OpenID Connect-style claims about the user (needs the {@code profile} scope). */
public final class UserInfoHandler implements Handler {
    private final ApiAuth auth;
    private final AccountApiMapper accounts;
    private final String issuer;

    public UserInfoHandler(ApiAuth auth, AccountApiMapper accounts, String baseUrl) {
        this.auth = auth;
        this.accounts = accounts;
        this.issuer = baseUrl + "/";
    }

    @Override
    public void handle(Context ctx) {
        var caller = auth.user(ctx, "profile");
        var a = caller.account();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", a.uri());
        claims.put("name", a.displayName().isBlank() ? a.username() : a.displayName());
        claims.put("preferred_username", a.username());
        claims.put("profile", a.url());
        claims.put("picture", accounts.avatarUrl(a));
        ctx.json(claims);
    }
}
