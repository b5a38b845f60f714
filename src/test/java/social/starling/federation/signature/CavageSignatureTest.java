package social.starling.federation.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import social.starling.federation.signature.VerifiedSignature.Scheme;
import social.starling.testing.MutableClock;

/** draft-cavage signatures: Starling's own, hand-made ones in the forms other servers send, and broken ones. */
class CavageSignatureTest {
    static final Instant NOW = Instant.parse("2025-03-04T10:15:30Z");
    static final URI INBOX = URI.create("https://starling.example/users/bob/inbox");
    static final byte[] BODY = "{\"type\":\"Follow\",\"actor\":\"https://remote.example/users/alice\"}"
            .getBytes(StandardCharsets.UTF_8);

    final MutableClock clock = new MutableClock(NOW);
    final TestKeys.ScriptedResolver keys = new TestKeys.ScriptedResolver()
            .key(TestKeys.ALICE_KEY, TestKeys.ALICE_ACTOR, TestKeys.ALICE);
    final SignatureVerifier verifier = new SignatureVerifier(keys, clock);
    final HttpSigner signer = new HttpSigner(clock);

    InboundRequest signedPost(URI target, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>(signer.sign("POST", target, Map.of(), body,
                TestKeys.ALICE_KEY, TestKeys.ALICE.getPrivate()));
        headers.put("Content-Type", "application/activity+json");
        return InboundRequest.of("POST", target, headers, body);
    }

    /**
     * Signs as another implementation might: any header list, any algorithm parameter, extra parameters. Builds the
     * signing string itself, independently of the production code.
     */
    static InboundRequest handSigned(String method, URI target, Map<String, String> headers, byte[] body,
                                     List<String> covered, String algorithmParam, Map<String, String> extraParams,
                                     KeyPair pair) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String name : covered) {
            String value = switch (name) {
                case "(request-target)" -> method.toLowerCase(Locale.ROOT) + " " + target.getRawPath()
                        + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
                case "(created)" -> extraParams.get("created");
                case "(expires)" -> extraParams.get("expires");
                default -> headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                        .map(Map.Entry::getValue).findFirst().orElse("");
            };
            lines.add(name + ": " + value);
        }
        boolean ed = pair.getPublic().getAlgorithm().startsWith("Ed");
        Signature s = Signature.getInstance(ed ? "Ed25519" : "SHA256withRSA");
        s.initSign(pair.getPrivate());
        s.update(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        StringBuilder header = new StringBuilder("keyId=\"" + TestKeys.ALICE_KEY + "\"");
        if (algorithmParam != null) {
            header.append(",algorithm=\"").append(algorithmParam).append('"');
        }
        extraParams.forEach((k, v) -> header.append(',').append(k).append('=').append(v));
        header.append(",headers=\"").append(String.join(" ", covered)).append('"');
        header.append(",signature=\"").append(Base64.getEncoder().encodeToString(s.sign())).append('"');
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Signature", header.toString());
        return InboundRequest.of(method, target, all, body);
    }

    static Map<String, String> baseHeaders(Instant date, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "starling.example");
        headers.put("Date", HttpDates.format(date));
        if (body.length > 0) {
            headers.put("Digest", Digests.digestHeader(body));
        }
        return headers;
    }

    static InboundRequest replace(InboundRequest request, String header, String value) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.put(header, List.of(value));
        return new InboundRequest(request.method(), request.targetUri(), headers, request.body());
    }

    // Starling's own signatures

    @Test
    void signsAPostAsMastodonDoes() {
        Map<String, String> headers = signer.sign("POST", INBOX, Map.of(), BODY, TestKeys.ALICE_KEY,
                TestKeys.ALICE.getPrivate());
        assertThat(headers.keySet()).containsExactly("Host", "Date", "Digest", "Signature");
        assertThat(headers.get("Host")).isEqualTo("starling.example");
        assertThat(headers.get("Date")).isEqualTo("Tue, 04 Mar 2025 10:15:30 GMT");
        assertThat(headers.get("Digest")).isEqualTo("SHA-256=" + Base64.getEncoder().encodeToString(
                Digests.hash("SHA-256", BODY)));
        assertThat(headers.get("Signature")).matches("keyId=\"https://remote\\.example/users/alice#main-key\","
                + "algorithm=\"rsa-sha256\",headers=\"\\(request-target\\) host date digest\",signature=\"[A-Za-z0-9+/=]+\"");
    }

    @Test
    void signsAGetWithoutDigestAndKeepsPortAndQuery() throws Exception {
        URI target = URI.create("https://starling.example:8443/users/bob/outbox?page=true");
        Map<String, String> headers = signer.sign("GET", target, Map.of(), null, TestKeys.ALICE_KEY,
                TestKeys.ALICE.getPrivate());
        assertThat(headers).doesNotContainKey("Digest").containsEntry("Host", "starling.example:8443");
        assertThat(headers.get("Signature")).contains("headers=\"(request-target) host date\"");
        assertThat(HttpSigner.requestTarget("GET", target)).isEqualTo("get /users/bob/outbox?page=true");

        VerifiedSignature verified = verifier.verify(InboundRequest.of("GET", target, headers, null));
        assertThat(verified.actorId()).isEqualTo(TestKeys.ALICE_ACTOR);
    }

    @Test
    void aDayOfTheMonthIsTwoDigits() {
        clock.set(Instant.parse("2021-04-05T02:07:55Z"));
        assertThat(signer.sign("GET", INBOX, Map.of(), null, TestKeys.ALICE_KEY, TestKeys.ALICE.getPrivate())
                .get("Date")).isEqualTo("Mon, 05 Apr 2021 02:07:55 GMT");
    }

    @Test
    void givenHostAndDateAreSignedAsGiven() throws Exception {
        Map<String, String> headers = signer.sign("GET", INBOX, Map.of("date", "Tue, 04 Mar 2025 10:00:00 GMT"),
                null, TestKeys.ALICE_KEY, TestKeys.ALICE.getPrivate());
        assertThat(headers.get("Date")).isEqualTo("Tue, 04 Mar 2025 10:00:00 GMT");
        assertThat(verifier.verify(InboundRequest.of("GET", INBOX, headers, null)).keyId())
                .isEqualTo(TestKeys.ALICE_KEY);
    }

    @Test
    void refusesToSignWithAnythingButRsa() {
        assertThatThrownBy(() -> signer.sign("GET", INBOX, Map.of(), null, TestKeys.ALICE_KEY,
                TestKeys.ED25519.getPrivate())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundTripPost() throws Exception {
        VerifiedSignature verified = verifier.verify(signedPost(INBOX, BODY));
        assertThat(verified).isEqualTo(new VerifiedSignature(TestKeys.ALICE_KEY, TestKeys.ALICE_ACTOR,
                Scheme.CAVAGE, false));
    }

    @Test
    void headerNamesAreCaseInsensitive() throws Exception {
        InboundRequest signed = signedPost(INBOX, BODY);
        Map<String, List<String>> lower = new LinkedHashMap<>();
        signed.headers().forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        assertThat(verifier.verify(new InboundRequest("POST", INBOX, lower, BODY)).actorId())
                .isEqualTo(TestKeys.ALICE_ACTOR);
    }

    // What other servers send

    @Test
    void hs2019WithAnRsaKeyIsAccepted() throws Exception {
        InboundRequest request = handSigned("POST", INBOX, baseHeaders(NOW, BODY), BODY,
                List.of("(request-target)", "host", "date", "digest"), "hs2019", Map.of(), TestKeys.ALICE);
        assertThat(verifier.verify(request).actorId()).isEqualTo(TestKeys.ALICE_ACTOR);
    }

    @Test
    void aMissingAlgorithmIsReadAsHs2019() throws Exception {
        InboundRequest request = handSigned("POST", INBOX, baseHeaders(NOW, BODY), BODY,
                List.of("(request-target)", "host", "date", "digest"), null, Map.of(), TestKeys.ALICE);
        assertThat(verifier.verify(request).actorId()).isEqualTo(TestKeys.ALICE_ACTOR);
    }

    @Test
    void hs2019WithCreatedInsteadOfDate() throws Exception {
        Map<String, String> headers = baseHeaders(NOW, BODY);
        headers.remove("Date");
        long created = NOW.minusSeconds(30).getEpochSecond();
        InboundRequest request = handSigned("POST", INBOX, headers, BODY,
                List.of("(request-target)", "(created)", "host", "digest"), "hs2019",
                Map.of("created", Long.toString(created)), TestKeys.ALICE);
        assertThat(verifier.verify(request).actorId()).isEqualTo(TestKeys.ALICE_ACTOR);
    }

    @Test
    void createdIsOnlyForHs2019() throws Exception {
        long created = NOW.getEpochSecond();
        InboundRequest request = handSigned("POST", INBOX, baseHeaders(NOW, BODY), BODY,
                List.of("(request-target)", "(created)", "host", "date", "digest"), "rsa-sha256",
                Map.of("created", Long.toString(created)), TestKeys.ALICE);
        assertThatThrownBy(() -> verifier.verify(request)).hasMessage("(created) may only be signed with hs2019");
    }

    @Test
    void hs2019WithAnEd25519Key() throws Exception {
        keys.key(TestKeys.ALICE_KEY, TestKeys.ALICE_ACTOR, TestKeys.ED25519);
        InboundRequest request = handSigned("POST", INBOX, baseHeaders(NOW, BODY), BODY,
                List.of("(request-target)", "host", "date", "digest"), "hs2019", Map.of(), TestKeys.ED25519);
        assertThat(verifier.verify(request).actorId()).isEqualTo(TestKeys.ALICE_ACTOR);
        InboundRequest claimedRsa = handSigned("POST", INBOX, baseHeaders(NOW, BODY), BODY,
                List.of("(request-target)", "host", "date", "digest"), "rsa-sha256", Map.of(), TestKeys.ED25519);
        assertThatThrownBy(() -> verifier.verify(claimedRsa)).hasMessageContaining("does not verify");
    }

    @Test
    void aRequestTargetWithoutTheQueryIsAcceptedAsMastodonAcceptsIt() throws Exception {
        URI target = URI.create("https://starling.example/users/bob/outbox?page=true");
        InboundRequest pathOnly = handSigned("GET", URI.create("https://starling.example/users/bob/outbox"),
                baseHeaders(NOW, new byte[0]), null, List.of("(request-target)", "host", "date"), "rsa-sha256",
                Map.of(), TestKeys.ALICE);
        InboundRequest request = new InboundRequest("GET", target, pathOnly.headers(), null);
        assertThat(verifier.verify(request).actorId()).isEqualTo(TestKeys.ALICE_ACTOR);
    }

    @Test
    void unknownParametersAreIgnoredAndOrderDoesNotMatter() throws Exception {
        InboundRequest request = handSigned("POST", INBOX, baseHeaders(NOW, BODY), BODY,
                List.of("host", "date", "digest", "(request-target)"), "rsa-sha256", Map.of("foo", "\"bar\""),
                TestKeys.ALICE);
        assertThat(verifier.verify(request).actorId()).isEqualTo(TestKeys.ALICE_ACTOR);
    }

    // Tampering

    @Test
    void aTamperedBodyFailsTheDigest() {
        InboundRequest signed = signedPost(INBOX, BODY);
        InboundRequest tampered = new InboundRequest("POST", INBOX, signed.headers(),
                "{\"type\":\"Delete\"}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> verifier.verify(tampered))
                .isInstanceOf(SignatureVerificationException.class)
                .hasMessage("the body does not match the Digest header");
    }

    @Test
    void aTamperedBodyWithARecomputedDigestFailsTheSignature() {
        byte[] other = "{\"type\":\"Delete\"}".getBytes(StandardCharsets.UTF_8);
        InboundRequest signed = signedPost(INBOX, BODY);
        InboundRequest tampered = replace(new InboundRequest("POST", INBOX, signed.headers(), other),
                "Digest", Digests.digestHeader(other));
        assertThatThrownBy(() -> verifier.verify(tampered))
                .hasMessage("the signature does not verify with the key " + TestKeys.ALICE_KEY);
    }

    @Test
    void anotherPathOrMethodFailsTheSignature() {
        InboundRequest signed = signedPost(INBOX, BODY);
        InboundRequest otherPath = new InboundRequest("POST", URI.create("https://starling.example/inbox"),
                signed.headers(), BODY);
        assertThatThrownBy(() -> verifier.verify(otherPath)).hasMessageContaining("does not verify");
        InboundRequest otherMethod = new InboundRequest("PUT", INBOX, signed.headers(), BODY);
        assertThatThrownBy(() -> verifier.verify(otherMethod)).hasMessageContaining("does not verify");
    }

    @Test
    void aSignatureForAnotherHostIsRefused() {
        InboundRequest forElsewhere = signedPost(URI.create("https://elsewhere.example/users/bob/inbox"), BODY);
        InboundRequest replayed = new InboundRequest("POST", INBOX, forElsewhere.headers(), BODY);
        assertThatThrownBy(() -> verifier.verify(replayed))
                .hasMessage("the request is signed for host elsewhere.example, not for this server");
    }

    @Test
    void aMalformedDigestOrOnlyOtherAlgorithms() {
        InboundRequest signed = signedPost(INBOX, BODY);
        assertThatThrownBy(() -> verifier.verify(replace(signed, "Digest", "SHA-512=abc")))
                .hasMessage("only SHA-256 is supported in the Digest header (offered: sha-512)");
        assertThatThrownBy(() -> verifier.verify(replace(signed, "Digest", "SHA-256=not base64!")))
                .hasMessage("the Digest header's SHA-256 value is not base64");
        assertThatThrownBy(() -> verifier.verify(replace(signed, "Digest", "garbage")))
                .hasMessage("the Digest header is malformed");
    }

    // Time

    @Test
    void mastodonsTimeWindow() throws Exception {
        InboundRequest signed = signedPost(INBOX, BODY);
        clock.set(NOW.plus(Duration.ofMinutes(64)));
        assertThat(verifier.verify(signed).actorId()).isEqualTo(TestKeys.ALICE_ACTOR);
        clock.set(NOW.plus(Duration.ofMinutes(66)));
        assertThatThrownBy(() -> verifier.verify(signed))
                .hasMessage("the signature has expired (the request is too old)");
        clock.set(NOW.minus(Duration.ofMinutes(59)));
        assertThat(verifier.verify(signed).actorId()).isEqualTo(TestKeys.ALICE_ACTOR);
        clock.set(NOW.minus(Duration.ofMinutes(61)));
        assertThatThrownBy(() -> verifier.verify(signed)).hasMessage("the signature is dated in the future");
    }

    @Test
    void aStaleDateIsRefused() {
        InboundRequest signed = signedPost(INBOX, BODY);
        clock.set(NOW.plus(Duration.ofHours(13)));
        assertThatThrownBy(() -> verifier.verify(signed)).hasMessageContaining("expired");
    }

    @Test
    void anExplicitExpiresExtendsTheWindowUpToTwelveHours() throws Exception {
        long created = NOW.getEpochSecond();
        long expires = NOW.plus(Duration.ofDays(2)).getEpochSecond();
        Map<String, String> headers = baseHeaders(NOW, BODY);
        InboundRequest request = handSigned("POST", INBOX, headers, BODY,
                List.of("(request-target)", "(created)", "(expires)", "host", "digest"), "hs2019",
                Map.of("created", Long.toString(created), "expires", Long.toString(expires)), TestKeys.ALICE);
        clock.set(NOW.plus(Duration.ofHours(12).plusMinutes(59)));
        assertThat(verifier.verify(request).actorId()).isEqualTo(TestKeys.ALICE_ACTOR);
        clock.set(NOW.plus(Duration.ofHours(13).plusMinutes(1)));
        assertThatThrownBy(() -> verifier.verify(request)).hasMessageContaining("expired");
    }

    @Test
    void unsignedCreatedOrExpiresParametersCannotStretchTheWindow() throws Exception {
        // A captured request, replayed two hours later with parameters added to its (unsigned) Signature header.
        InboundRequest captured = handSigned("POST", INBOX, baseHeaders(NOW, BODY), BODY,
                List.of("(request-target)", "host", "date", "digest"), "hs2019", Map.of(), TestKeys.ALICE);
        clock.set(NOW.plus(Duration.ofHours(2)));
        String header = captured.all("Signature").getFirst();
        for (String injected : List.of(",expires=" + NOW.plus(Duration.ofDays(1)).getEpochSecond(),
                ",created=" + clock.instant().getEpochSecond())) {
            InboundRequest replayed = replace(captured, "Signature", header + injected);
            assertThatThrownBy(() -> verifier.verify(replayed)).as(injected).hasMessageContaining("expired");
        }
    }

    @Test
    void aMalformedDateIsRefused() {
        InboundRequest signed = replace(signedPost(INBOX, BODY), "Date", "yesterday");
        assertThatThrownBy(() -> verifier.verify(signed)).hasMessage("the Date header is malformed");
    }

    // Coverage

    @Test
    void aPostMustCoverTheDigest() throws Exception {
        InboundRequest request = handSigned("POST", INBOX, baseHeaders(NOW, BODY), BODY,
                List.of("(request-target)", "host", "date"), "rsa-sha256", Map.of(), TestKeys.ALICE);
        assertThatThrownBy(() -> verifier.verify(request)).hasMessage("the signature of a POST must cover digest");
    }

    @Test
    void theRequestTargetHostAndDateMustBeCovered() throws Exception {
        Map<String, String> headers = baseHeaders(NOW, BODY);
        assertThatThrownBy(() -> verifier.verify(handSigned("POST", INBOX, headers, BODY,
                List.of("host", "date", "digest"), "rsa-sha256", Map.of(), TestKeys.ALICE)))
                .hasMessage("the signature must cover (request-target)");
        assertThatThrownBy(() -> verifier.verify(handSigned("POST", INBOX, headers, BODY,
                List.of("(request-target)", "date", "digest"), "rsa-sha256", Map.of(), TestKeys.ALICE)))
                .hasMessage("the signature must cover host");
        assertThatThrownBy(() -> verifier.verify(handSigned("POST", INBOX, headers, BODY,
                List.of("(request-target)", "host", "digest"), "rsa-sha256", Map.of(), TestKeys.ALICE)))
                .hasMessage("the signature must cover date or (created)");
    }

    @Test
    void aSignedHeaderMissingFromTheRequestIsRefused() throws Exception {
        Map<String, String> headers = baseHeaders(NOW, BODY);
        InboundRequest request = handSigned("POST", INBOX, headers, BODY,
                List.of("(request-target)", "host", "date", "digest", "content-type"), "rsa-sha256", Map.of(),
                TestKeys.ALICE);
        assertThatThrownBy(() -> verifier.verify(request)).hasMessage("the signed header content-type is missing");

        Map<String, List<String>> noDigest = new LinkedHashMap<>(signedPost(INBOX, BODY).headers());
        noDigest.remove("Digest");
        assertThatThrownBy(() -> verifier.verify(new InboundRequest("POST", INBOX, noDigest, BODY)))
                .hasMessage("the signed header digest is missing");
    }

    // Malformed headers

    @Test
    void malformedSignatureHeaders() {
        InboundRequest signed = signedPost(INBOX, BODY);
        String good = signed.all("Signature").getFirst();
        assertThatThrownBy(() -> verifier.verify(replace(signed, "Signature", good + ",keyId=\"other\"")))
                .hasMessage("the signature parameter keyId appears twice");
        assertThatThrownBy(() -> verifier.verify(replace(signed, "Signature", good.replace("keyId=", "key="))))
                .hasMessage("the signature needs keyId and signature parameters");
        assertThatThrownBy(() -> verifier.verify(replace(signed, "Signature", "keyId=\"x\",signature=\"abc")))
                .hasMessage("the Signature header is malformed");
        assertThatThrownBy(() -> verifier.verify(replace(signed, "Signature", "keyId")))
                .hasMessage("the Signature header is malformed");
        assertThatThrownBy(() -> verifier.verify(replace(signed, "Signature",
                good.replaceAll("signature=\"[^\"]+\"", "signature=\"%%%\""))))
                .hasMessage("the signature value is not base64");
        assertThatThrownBy(() -> verifier.verify(replace(signed, "Signature",
                good.replace("headers=\"", "headers=\"date "))))
                .hasMessage("the signature lists date twice");
        assertThatThrownBy(() -> verifier.verify(replace(signed, "Signature", "x".repeat(9000))))
                .hasMessage("the Signature header is too long");
        assertThatThrownBy(() -> verifier.verify(replace(signed, "Signature",
                good.replace("rsa-sha256", "rsa-sha512"))))
                .hasMessage("unsupported signature algorithm rsa-sha512 (rsa-sha256 and hs2019 are supported)");
    }

    @Test
    void anUnsignedRequestOrTwoSignatureHeaders() {
        assertThatThrownBy(() -> verifier.verify(InboundRequest.of("POST", INBOX, Map.of("Host", "x"), BODY)))
                .hasMessage("the request is not signed");
        InboundRequest signed = signedPost(INBOX, BODY);
        Map<String, List<String>> twice = new LinkedHashMap<>(signed.headers());
        twice.put("Signature", List.of(signed.all("Signature").getFirst(), signed.all("Signature").getFirst()));
        assertThatThrownBy(() -> verifier.verify(new InboundRequest("POST", INBOX, twice, BODY)))
                .hasMessage("the Signature header appears more than once");
    }

    // Keys and signers

    @Test
    void anUnknownKeyIsRefused() {
        keys.fresh.clear();
        assertThatThrownBy(() -> verifier.verify(signedPost(INBOX, BODY)))
                .hasMessage("no public key found for " + TestKeys.ALICE_KEY);
    }

    @Test
    void aWrongFreshKeyIsNotFetchedAgain() {
        keys.key(TestKeys.ALICE_KEY, TestKeys.ALICE_ACTOR, TestKeys.MALLORY);
        assertThatThrownBy(() -> verifier.verify(signedPost(INBOX, BODY))).hasMessageContaining("does not verify");
        assertThat(keys.refreshCalls).hasValue(0);
    }

    @Test
    void aRotatedKeyIsFetchedAgainOnce() throws Exception {
        keys.rotated(TestKeys.ALICE_KEY, TestKeys.ALICE_ACTOR, TestKeys.MALLORY, TestKeys.ALICE);
        VerifiedSignature verified = verifier.verify(signedPost(INBOX, BODY));
        assertThat(verified.refetched()).isTrue();
        assertThat(verified.actorId()).isEqualTo(TestKeys.ALICE_ACTOR);
        assertThat(keys.plainCalls).hasValue(1);
        assertThat(keys.refreshCalls).hasValue(1);
    }

    @Test
    void aCachedKeyThatStaysWrongFailsAfterOneRefetch() {
        keys.rotated(TestKeys.ALICE_KEY, TestKeys.ALICE_ACTOR, TestKeys.MALLORY, TestKeys.MALLORY);
        assertThatThrownBy(() -> verifier.verify(signedPost(INBOX, BODY))).hasMessageContaining("does not verify");
        assertThat(keys.refreshCalls).hasValue(1);
    }

    @Test
    void theSignerMustBeTheActivitysActor() throws Exception {
        // Mallory's server signs with Mallory's key an activity that claims to be Alice's.
        keys.key("https://evil.example/users/mallory#main-key", "https://evil.example/users/mallory",
                TestKeys.MALLORY);
        Map<String, String> headers = new LinkedHashMap<>(signer.sign("POST", INBOX, Map.of(), BODY,
                "https://evil.example/users/mallory#main-key", TestKeys.MALLORY.getPrivate()));
        VerifiedSignature verified = verifier.verify(InboundRequest.of("POST", INBOX, headers, BODY));
        assertThat(verified.actorId()).isEqualTo("https://evil.example/users/mallory");
        assertThatThrownBy(() -> verified.requireActor(TestKeys.ALICE_ACTOR))
                .isInstanceOf(SignatureVerificationException.class)
                .hasMessage("the request is signed by https://evil.example/users/mallory, not by the activity's "
                        + "actor https://remote.example/users/alice");
        assertThatThrownBy(() -> verified.requireActor(null)).isInstanceOf(SignatureVerificationException.class);
        verified.requireActor("https://evil.example/users/mallory");
    }

    @Test
    void aKeyIdNamedByOneActorButOwnedByAnotherSpeaksForItsOwner() throws Exception {
        // The key id looks like Alice's, but the resolver found that it belongs to Mallory: the signer is Mallory.
        keys.key(TestKeys.ALICE_KEY, "https://evil.example/users/mallory", TestKeys.ALICE);
        VerifiedSignature verified = verifier.verify(signedPost(INBOX, BODY));
        assertThat(verified.actorId()).isEqualTo("https://evil.example/users/mallory");
        assertThatThrownBy(() -> verified.requireActor(TestKeys.ALICE_ACTOR))
                .isInstanceOf(SignatureVerificationException.class);
    }
}
