package social.starling.api.activitypub;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import social.starling.errors.UnauthorizedException;
import social.starling.federation.signature.InboundRequest;
import social.starling.federation.signature.SignatureVerificationException;
import social.starling.federation.signature.SignatureVerifier;
import social.starling.federation.signature.VerifiedSignature;
import social.starling.model.Account;
import social.starling.service.federation.SignedFetchPolicy;

/**
 * Authorized fetch (Mastodon's secure mode, {@code STARLING_AUTHORIZED_FETCH=true}): the ActivityPub form of
 * actors, statuses, activities and collections is served only to a request with a valid HTTP signature
 * (draft-cavage or RFC 9421), else 401 with the reason ({@code require_account_signature!} in Mastodon's
 * signature_verification.rb). The instance actor, WebFinger, host-meta and NodeInfo are not wrapped: other servers
 * must be able to fetch the key that signs this server's own requests. Answers vary by {@code Signature} and
 * {@code Signature-Input} and are not publicly cacheable (Mastodon's {@code vary_by} and
 * {@code expires_in ..., public: false}). The HTML pages of the same URLs are not affected, as on Mastodon.
 *
 * <p>Current Mastodon (4.x, accounts_controller.rb) answers an unsigned actor fetch in this mode with 401 too;
 * the "barebones" actor its documentation describes was 3.x's {@code restrict_fields_to}. Key fetches still work
 * because every server signs its fetches with its instance actor, which is served unsigned.
 *
 * <p>Off (the default), requests pass through untouched and unverified.
 */
public final class SignedFetch {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SignedFetch.class);
    private static final String SIGNER = "starling.signedFetch.signer";

    private final boolean required;
    private final SignatureVerifier verifier;
    private final SignedFetchPolicy policy;
    private final String baseUrl;

    public SignedFetch(boolean required, SignatureVerifier verifier, SignedFetchPolicy policy, String baseUrl) {
        this.required = required;
        this.verifier = verifier;
        this.policy = policy;
        this.baseUrl = baseUrl;
    }

    /** {@code handler}, behind a signature check when authorized fetch is on. */
    public Handler require(Handler handler) {
        if (!required) {
            return handler;
        }
        return ctx -> {
            String vary = ctx.res().getHeader("Vary");
            ctx.header("Vary", (vary == null || vary.isBlank() ? "" : vary + ", ") + "Signature, Signature-Input");
            ctx.attribute(SIGNER, signer(ctx));
            handler.handle(ctx);
            String cache = ctx.res().getHeader("Cache-Control");
            if (cache != null && cache.contains("public")) {
                ctx.header("Cache-Control", cache.replace("public", "private"));
            }
        };
    }

    /**
     * Whether the verified signer of this request is shut out by {@code ownerId} (a block of them or their domain).
     * Always false without authorized fetch: unsigned requests are not checked, as Mastodon's public fetch mode.
     */
    public boolean refused(Context ctx, long ownerId) {
        Account signer = ctx.attribute(SIGNER);
        return signer != null && policy.refuses(ownerId, signer);
    }

    private Account signer(Context ctx) {
        try {
            VerifiedSignature verified = verifier.verify(inbound(ctx));
            return policy.signer(verified.actorId()).orElseThrow(
                    () -> new UnauthorizedException("Public key not found for key " + verified.keyId()));
        } catch (SignatureVerificationException e) {
            log.debug("refused a signed fetch of {}: {}", ctx.path(), e.getMessage());
            throw new UnauthorizedException(e.getMessage());
        }
    }

    /** The request as the verifier sees it: this server's public base URL with the path and query as received. */
    private InboundRequest inbound(Context ctx) {
        String query = ctx.queryString();
        URI target = URI.create(baseUrl + ctx.req().getRequestURI() + (query == null ? "" : "?" + query));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            headers.put(name, new ArrayList<>(Collections.list(ctx.req().getHeaders(name))));
        }
        return new InboundRequest(ctx.method().name(), target, headers, new byte[0]);
    }
}
