package social.starling.federation.signature;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import social.starling.federation.signature.VerifiedSignature.Scheme;

/**
 * Verifies the signature of an inbound request, draft-cavage or RFC 9421, with Mastodon's rules
 * (app/lib/signed_request.rb and app/controllers/concerns/signature_verification.rb, docs spec/security):
 *
 * <ul>
 *   <li>draft-cavage: {@code algorithm} {@code rsa-sha256} or {@code hs2019} (or none, read as hs2019), which with
 *       an RSA key is RSASSA-PKCS1-v1_5 SHA-256 and with an Ed25519 key Ed25519. It must cover
 *       {@code (request-target)}, {@code host} and {@code date} or {@code (created)}; a POST must cover
 *       {@code digest}. Mastodon asks for {@code host} on GETs only and takes {@code digest} instead of
 *       {@code (request-target)}; Starling asks for both everywhere, which every server's signatures (Mastodon,
 *       GoToSocial, Misskey, Pleroma/Akkoma, Fedify) already cover. The signed Host must be this server's.</li>
 *   <li>RFC 9421: exactly one signature, with {@code keyid} and {@code created}, covering {@code @method} and
 *       {@code @target-uri} (which holds the authority); a POST must cover {@code content-digest}.
 *       {@code rsa-v1_5-sha256}, {@code rsa-pss-sha512} or {@code ed25519}, named by {@code alg} or implied by
 *       the key.</li>
 *   <li>Every covered digest must match the body.</li>
 *   <li>The time window, exactly Mastodon's ({@code matches_time_window?} in app/lib/signed_request.rb): a
 *       signature made (a signed {@code created}, else the signed Date header) more than {@link #CLOCK_SKEW_MARGIN} in the future is
 *       refused; it expires at its {@code expires} parameter, or {@link #DEFAULT_VALIDITY} after it was made, but
 *       never later than {@link #EXPIRATION_WINDOW_LIMIT} after; and it is refused once {@link #CLOCK_SKEW_MARGIN}
 *       past that. So a plain Date-signed request is accepted up to 1 h 05 min old, one with an explicit
 *       {@code expires} up to 13 h. (Mastodon's documentation still says "within the past 12 hours", which was
 *       true of older versions; the code is the reference.) One deliberate difference: a draft-cavage
 *       {@code created} or {@code expires} parameter counts only when {@code (created)} / {@code (expires)} is
 *       signed, since Signature header parameters are not covered by the signature themselves.</li>
 * </ul>
 *
 * <p>The cheap checks run before the key is looked up, so a malformed or stale request costs no fetch. A key that
 * came from a cache and fails is fetched again once (the actor may have rotated it), as Mastodon does.
 */
public final class SignatureVerifier {
    public static final Duration EXPIRATION_WINDOW_LIMIT = Duration.ofHours(12);
    public static final Duration CLOCK_SKEW_MARGIN = Duration.ofHours(1);
    public static final Duration DEFAULT_VALIDITY = Duration.ofMinutes(5);

    private final KeyResolver keys;
    private final Clock clock;

    public SignatureVerifier(KeyResolver keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * @return who signed the request; compare {@link VerifiedSignature#actorId()} with the activity's actor
     *         ({@link VerifiedSignature#requireActor})
     * @throws SignatureVerificationException when the request is unsigned or its signature is not accepted
     */
    public VerifiedSignature verify(InboundRequest request) throws SignatureVerificationException {
        if (!request.all("Signature-Input").isEmpty()) {
            return verifyRfc9421(request);
        }
        Optional<String> header = request.single("Signature");
        if (header.isEmpty()) {
            throw new SignatureVerificationException("the request is not signed");
        }
        return verifyCavage(request, header.get());
    }

    private VerifiedSignature verifyCavage(InboundRequest request, String header)
            throws SignatureVerificationException {
        CavageSignature sig = CavageSignature.parse(header);
        if (!sig.algorithm().equals("rsa-sha256") && !sig.algorithm().equals("hs2019")) {
            throw new SignatureVerificationException(
                    "unsupported signature algorithm " + sig.algorithm() + " (rsa-sha256 and hs2019 are supported)");
        }
        checkWindow(sig.createdTime(request), sig.expiresTime());
        if (!sig.headers().contains("(request-target)")) {
            throw new SignatureVerificationException("the signature must cover (request-target)");
        }
        if (!sig.headers().contains("host")) {
            throw new SignatureVerificationException("the signature must cover host");
        }
        if (!sig.headers().contains("date") && !sig.headers().contains("(created)")) {
            throw new SignatureVerificationException("the signature must cover date or (created)");
        }
        if (request.isPost() && !sig.headers().contains("digest")) {
            throw new SignatureVerificationException("the signature of a POST must cover digest");
        }
        if (sig.headers().contains("digest")) {
            Digests.checkDigest(request.single("Digest").orElseThrow(
                    () -> new SignatureVerificationException("the signed header digest is missing")), request.rawBody());
        }
        String host = CavageSignature.headerValue(request, "host");
        if (!host.equalsIgnoreCase(request.authority())) {
            throw new SignatureVerificationException("the request is signed for host " + host + ", not for this server");
        }
        byte[] withQuery = sig.signingString(request, true);
        byte[] withoutQuery = request.targetUri().getRawQuery() == null ? null : sig.signingString(request, false);

        return withKey(sig.keyId(), Scheme.CAVAGE, key -> {
            Optional<SignatureAlgorithm> algorithm = sig.algorithm().equals("rsa-sha256")
                    ? Optional.of(SignatureAlgorithm.RSA_V1_5_SHA256)
                    : SignatureAlgorithm.implied(key.key());
            if (algorithm.isEmpty() || !algorithm.get().fits(key.key())) {
                return false;
            }
            return algorithm.get().verify(key.key(), withQuery, sig.signature())
                    || (withoutQuery != null && algorithm.get().verify(key.key(), withoutQuery, sig.signature()));
        });
    }

    private VerifiedSignature verifyRfc9421(InboundRequest request) throws SignatureVerificationException {
        MessageSignature sig = MessageSignature.parse(request);
        Optional<SignatureAlgorithm> named = Optional.empty();
        if (sig.alg().isPresent()) {
            named = SignatureAlgorithm.byRfc9421Name(sig.alg().get());
            if (named.isEmpty()) {
                throw new SignatureVerificationException("unsupported signature algorithm " + sig.alg().get());
            }
        }
        if (sig.created().isEmpty()) {
            throw new SignatureVerificationException("the signature needs a created parameter");
        }
        checkWindow(sig.createdTime(), sig.expiresTime());
        if (!sig.covers("@method") || !sig.covers("@target-uri")) {
            throw new SignatureVerificationException("the signature must cover @method and @target-uri");
        }
        if (request.isPost() && !sig.covers("content-digest")) {
            throw new SignatureVerificationException("the signature of a POST must cover content-digest");
        }
        if (sig.covers("content-digest")) {
            Digests.checkContentDigest(CavageSignature.headerValue(request, "content-digest"), request.rawBody());
        }
        byte[] base = sig.signatureBase(request);
        Optional<SignatureAlgorithm> finalNamed = named;
        return withKey(sig.keyId(), Scheme.RFC9421, key -> {
            Optional<SignatureAlgorithm> algorithm = finalNamed.or(() -> SignatureAlgorithm.implied(key.key()));
            return algorithm.isPresent() && algorithm.get().fits(key.key())
                    && algorithm.get().verify(key.key(), base, sig.signature());
        });
    }

    private interface Check {
        boolean passes(ActorKey key);
    }

    private VerifiedSignature withKey(String keyId, Scheme scheme, Check check) throws SignatureVerificationException {
        ActorKey key = keys.resolve(keyId, false)
                .orElseThrow(() -> new SignatureVerificationException("no public key found for " + keyId));
        if (check.passes(key)) {
            return new VerifiedSignature(key.keyId(), key.ownerId(), scheme, false);
        }
        if (key.cached()) {
            Optional<ActorKey> fresh = keys.resolve(keyId, true);
            if (fresh.isPresent() && check.passes(fresh.get())) {
                return new VerifiedSignature(fresh.get().keyId(), fresh.get().ownerId(), scheme, true);
            }
        }
        throw new SignatureVerificationException("the signature does not verify with the key " + keyId);
    }

    private void checkWindow(Optional<Instant> created, Optional<Instant> expires)
            throws SignatureVerificationException {
        Instant now = clock.instant();
        Optional<Instant> deadline = expires;
        if (created.isPresent()) {
            if (created.get().isAfter(now.plus(CLOCK_SKEW_MARGIN))) {
                throw new SignatureVerificationException("the signature is dated in the future");
            }
            Instant limit = created.get().plus(EXPIRATION_WINDOW_LIMIT);
            Instant end = expires.orElse(created.get().plus(DEFAULT_VALIDITY));
            deadline = Optional.of(end.isBefore(limit) ? end : limit);
        }
        if (deadline.isPresent() && now.isAfter(deadline.get().plus(CLOCK_SKEW_MARGIN))) {
            throw new SignatureVerificationException("the signature has expired (the request is too old)");
        }
    }
}
