package social.starling.api.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Function;
import social.starling.model.oauth.OAuthApplication;
import social.starling.model.oauth.Scopes;
import social.starling.service.oauth.TokenService;

/**
 * An OAuth authorization request (RFC 6749 §4.1.1, PKCE RFC 7636), read from the query of
 * {@code GET /oauth/authorize} or the consent form's hidden fields, and checked in Doorkeeper's order: client,
 * redirect URI, response type, scopes, PKCE. Until the client and its redirect URI are known to match, errors are
 * shown as a page and never redirected (that would be an open redirect); after that, they go back to the app as
 * {@code redirect_uri?error=...&state=...} (RFC 6749 §4.1.2.1).
 */
public record AuthorizeRequest(String responseType, String clientId, String redirectUri, String scope, String state,
                               String codeChallenge, String codeChallengeMethod) {

    /** The outcome of checking a request. */
    sealed interface Checked {
    }

    /** Not safe to redirect: a 400 page. */
    record Invalid(String message) implements Checked {
    }

    /** Safe to redirect back to the app with an error. */
    record Refused(String error, String description) implements Checked {
    }

    record Valid(OAuthApplication app, Set<String> scopes) implements Checked {
    }

    static AuthorizeRequest from(Function<String, String> param) {
        return new AuthorizeRequest(param.apply("response_type"), param.apply("client_id"),
                param.apply("redirect_uri"), param.apply("scope"), param.apply("state"),
                param.apply("code_challenge"), param.apply("code_challenge_method"));
    }

    Checked check(TokenService tokens) {
        var app = tokens.findApplication(clientId).orElse(null);
        if (app == null) {
            return new Invalid("Client authentication failed due to unknown client, no client authentication "
                    + "included, or unsupported authentication method.");
        }
        if (redirectUri == null || !app.redirectUris().contains(redirectUri)) {
            return new Invalid("The redirect URI included is not valid: it must be one of those the app "
                    + "registered.");
        }
        if (!"code".equals(responseType)) {
            return new Refused("unsupported_response_type",
                    "The authorization server does not support this response type.");
        }
        Set<String> scopes = Scopes.parse(scope);
        if (!Scopes.allKnown(scopes) || !Scopes.within(scopes, app.scopes())) {
            return new Refused("invalid_scope", "The requested scope is invalid, unknown, or malformed.");
        }
        if (present(codeChallenge) && present(codeChallengeMethod)
                && !codeChallengeMethod.equals("S256") && !codeChallengeMethod.equals("plain")) {
            return new Refused("invalid_request", "Code challenge method must be S256 or plain.");
        }
        return new Valid(app, scopes);
    }

    boolean oob() {
        return OAuthApplication.OOB.equals(redirectUri);
    }

    /** The PKCE method to store: none without a challenge; {@code plain} when a challenge came without one. */
    String challengeMethod() {
        if (!present(codeChallenge)) {
            return null;
        }
        return present(codeChallengeMethod) ? codeChallengeMethod : "plain";
    }

    String challenge() {
        return present(codeChallenge) ? codeChallenge : null;
    }

    /** {@code redirect_uri} with {@code params} (name, value, ...) and the state appended to its query. */
    String redirectWith(String... params) {
        StringBuilder url = new StringBuilder(redirectUri);
        char separator = redirectUri.contains("?") ? '&' : '?';
        for (int i = 0; i < params.length; i += 2) {
            url.append(separator).append(params[i]).append('=').append(encode(params[i + 1]));
            separator = '&';
        }
        if (present(state)) {
            url.append(separator).append("state=").append(encode(state));
        }
        return url.toString();
    }

    /** The host the browser will be sent back to, to show on the consent page. */
    String redirectHost() {
        try {
            java.net.URI uri = java.net.URI.create(redirectUri);
            return uri.getHost() != null ? uri.getHost() : uri.getScheme() + ":";
        } catch (IllegalArgumentException e) {
            return redirectUri;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static boolean present(String value) {
        return value != null && !value.isEmpty();
    }
}
