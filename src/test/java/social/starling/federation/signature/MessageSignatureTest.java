package social.starling.federation.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import social.starling.federation.signature.VerifiedSignature.Scheme;
import social.starling.testing.MutableClock;

/** RFC 9421 signatures through the verifier: round trips with every supported algorithm, and Mastodon's rules. */
class MessageSignatureTest {
    static final Instant NOW = Instant.parse("2025-03-04T10:15:30Z");
    static final URI INBOX = URI.create("https://starling.example/users/bob/inbox");
    static final byte[] BODY = "{\"type\":\"Like\"}".getBytes(StandardCharsets.UTF_8);
    static final List<String> MASTODON_COMPONENTS = List.of("@method", "@target-uri", "content-digest");

    final MutableClock clock = new MutableClock(NOW);
    final TestKeys.ScriptedResolver keys = new TestKeys.ScriptedResolver()
            .key(TestKeys.ALICE_KEY, TestKeys.ALICE_ACTOR, TestKeys.ALICE);
    final SignatureVerifier verifier = new SignatureVerifier(keys, clock);

    static InboundRequest unsigned(String method, URI target, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", target.getHost());
        headers.put("Content-Type", "application/activity+json");
        if (body.length > 0) {
            headers.put("Content-Digest", Digests.contentDigestHeader(body));
        }
        return InboundRequest.of(method, target, headers, body);
    }

    static Map<String, Object> params(Object... pairs) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put((String) pairs[i], pairs[i + 1]);
        }
        return params;
    }

    static InboundRequest sign(InboundRequest request, List<String> components, Map<String, Object> params,
                               SignatureAlgorithm algorithm, PrivateKey key) throws Exception {
        return Rfc9421TestSigner.withSignature(request,
                Rfc9421TestSigner.sign(request, "sig1", components, params, algorithm, key));
    }

    InboundRequest signedPost() throws Exception {
        return sign(unsigned("POST", INBOX, BODY), MASTODON_COMPONENTS,
                params("created", NOW.getEpochSecond(), "keyid", TestKeys.ALICE_KEY),
                SignatureAlgorithm.RSA_V1_5_SHA256, TestKeys.ALICE.getPrivate());
    }

    static InboundRequest replace(InboundRequest request, String header, String value) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.put(header, List.of(value));
        return new InboundRequest(request.method(), request.targetUri(), headers, request.body());
    }

    @Test
    void roundTripAsMastodonSignsIt() throws Exception {
        assertThat(verifier.verify(signedPost())).isEqualTo(
                new VerifiedSignature(TestKeys.ALICE_KEY, TestKeys.ALICE_ACTOR, Scheme.RFC9421, false));
    }

    @Test
    void roundTripGetWithQueryAndAuthority() throws Exception {
        URI outbox = URI.create("https://starling.example:8443/users/bob/outbox?page=true&min_id=1");
        InboundRequest request = sign(unsigned("GET", outbox, new byte[0]),
                List.of("@method", "@target-uri", "@authority", "@path", "@query", "@query-param;name=page"),
                params("created", NOW.getEpochSecond(), "keyid", TestKeys.ALICE_KEY, "alg", "rsa-v1_5-sha256"),
                SignatureAlgorithm.RSA_V1_5_SHA256, TestKeys.ALICE.getPrivate());
        assertThat(verifier.verify(request).actorId()).isEqualTo(TestKeys.ALICE_ACTOR);
    }

    @Test
    void rsaPssNamedByAlg() throws Exception {
        InboundRequest request = sign(unsigned("POST", INBOX, BODY), MASTODON_COMPONENTS,
                params("created", NOW.getEpochSecond(), "keyid", TestKeys.ALICE_KEY, "alg", "rsa-pss-sha512"),
                SignatureAlgorithm.RSA_PSS_SHA512, TestKeys.ALICE.getPrivate());
        assertThat(verifier.verify(request).actorId()).isEqualTo(TestKeys.ALICE_ACTOR);
    }

    @Test
    void ed25519ImpliedByTheKey() throws Exception {
        keys.key(TestKeys.ALICE_KEY, TestKeys.ALICE_ACTOR, TestKeys.ED25519);
        InboundRequest request = sign(unsigned("POST", INBOX, BODY), MASTODON_COMPONENTS,
                params("created", NOW.getEpochSecond(), "keyid", TestKeys.ALICE_KEY),
                SignatureAlgorithm.ED25519, TestKeys.ED25519.getPrivate());
        assertThat(verifier.verify(request).actorId()).isEqualTo(TestKeys.ALICE_ACTOR);
    }

    @Test
    void aSha512ContentDigestIsChecked() throws Exception {
        InboundRequest request = replace(unsigned("POST", INBOX, BODY), "Content-Digest",
                "sha-512=:" + java.util.Base64.getEncoder().encodeToString(Digests.hash("SHA-512", BODY)) + ":");
        InboundRequest signed = sign(request, MASTODON_COMPONENTS,
                params("created", NOW.getEpochSecond(), "keyid", TestKeys.ALICE_KEY),
                SignatureAlgorithm.RSA_V1_5_SHA256, TestKeys.ALICE.getPrivate());
        assertThat(verifier.verify(signed).actorId()).isEqualTo(TestKeys.ALICE_ACTOR);
    }

    @Test
    void anAlgThatDoesNotFitTheKeyFails() throws Exception {
        InboundRequest request = sign(unsigned("POST", INBOX, BODY), MASTODON_COMPONENTS,
                params("created", NOW.getEpochSecond(), "keyid", TestKeys.ALICE_KEY, "alg", "ed25519"),
                SignatureAlgorithm.RSA_V1_5_SHA256, TestKeys.ALICE.getPrivate());
        assertThatThrownBy(() -> verifier.verify(request)).hasMessageContaining("does not verify");
    }

    @Test
    void unsupportedAlgorithmsAreRefusedBeforeAnyKeyLookup() throws Exception {
        InboundRequest request = sign(unsigned("POST", INBOX, BODY), MASTODON_COMPONENTS,
                params("created", NOW.getEpochSecond(), "keyid", TestKeys.ALICE_KEY, "alg", "hmac-sha256"),
                SignatureAlgorithm.RSA_V1_5_SHA256, TestKeys.ALICE.getPrivate());
        assertThatThrownBy(() -> verifier.verify(request)).hasMessage("unsupported signature algorithm hmac-sha256");
        assertThat(keys.plainCalls).hasValue(0);
    }

    @Test
    void tamperingFails() throws Exception {
        InboundRequest signed = signedPost();
        assertThatThrownBy(() -> verifier.verify(new InboundRequest("POST", INBOX, signed.headers(),
                "{\"type\":\"Delete\"}".getBytes(StandardCharsets.UTF_8))))
                .hasMessage("the body does not match the Content-Digest header");
        assertThatThrownBy(() -> verifier.verify(new InboundRequest("POST",
                URI.create("https://starling.example/inbox"), signed.headers(), BODY)))
                .hasMessageContaining("does not verify");
        assertThatThrownBy(() -> verifier.verify(new InboundRequest("POST",
                URI.create("https://other.example/users/bob/inbox"), signed.headers(), BODY)))
                .hasMessageContaining("does not verify");
    }

    @Test
    void createdIsRequiredAndTheWindowIsMastodons() throws Exception {
        InboundRequest noCreated = sign(unsigned("POST", INBOX, BODY), MASTODON_COMPONENTS,
                params("keyid", TestKeys.ALICE_KEY), SignatureAlgorithm.RSA_V1_5_SHA256, TestKeys.ALICE.getPrivate());
        assertThatThrownBy(() -> verifier.verify(noCreated)).hasMessage("the signature needs a created parameter");

        InboundRequest signed = signedPost();
        clock.set(NOW.plus(Duration.ofMinutes(66)));
        assertThatThrownBy(() -> verifier.verify(signed)).hasMessageContaining("expired");
        clock.set(NOW.minus(Duration.ofMinutes(61)));
        assertThatThrownBy(() -> verifier.verify(signed)).hasMessage("the signature is dated in the future");

        InboundRequest shortLived = sign(unsigned("POST", INBOX, BODY), MASTODON_COMPONENTS,
                params("created", NOW.getEpochSecond(), "keyid", TestKeys.ALICE_KEY, "expires",
                        NOW.plusSeconds(10).getEpochSecond()),
                SignatureAlgorithm.RSA_V1_5_SHA256, TestKeys.ALICE.getPrivate());
        clock.set(NOW.plus(Duration.ofMinutes(59)));
        assertThat(verifier.verify(shortLived).actorId()).isEqualTo(TestKeys.ALICE_ACTOR);
        clock.set(NOW.plus(Duration.ofMinutes(61)));
        assertThatThrownBy(() -> verifier.verify(shortLived)).hasMessageContaining("expired");
    }

    @Test
    void methodAndTargetUriMustBeCovered() throws Exception {
        InboundRequest noTarget = sign(unsigned("POST", INBOX, BODY),
                List.of("@method", "@authority", "@path", "content-digest"),
                params("created", NOW.getEpochSecond(), "keyid", TestKeys.ALICE_KEY),
                SignatureAlgorithm.RSA_V1_5_SHA256, TestKeys.ALICE.getPrivate());
        assertThatThrownBy(() -> verifier.verify(noTarget))
                .hasMessage("the signature must cover @method and @target-uri");
    }

    @Test
    void aPostMustCoverContentDigestAndItMustBeThere() throws Exception {
        InboundRequest noDigest = sign(unsigned("POST", INBOX, BODY), List.of("@method", "@target-uri"),
                params("created", NOW.getEpochSecond(), "keyid", TestKeys.ALICE_KEY),
                SignatureAlgorithm.RSA_V1_5_SHA256, TestKeys.ALICE.getPrivate());
        assertThatThrownBy(() -> verifier.verify(noDigest))
                .hasMessage("the signature of a POST must cover content-digest");

        InboundRequest signed = signedPost();
        Map<String, List<String>> headers = new LinkedHashMap<>(signed.headers());
        headers.remove("Content-Digest");
        assertThatThrownBy(() -> verifier.verify(new InboundRequest("POST", INBOX, headers, BODY)))
                .hasMessage("the signed header content-digest is missing");
        assertThatThrownBy(() -> verifier.verify(replace(signed, "Content-Digest", "md5=:AAAA:")))
                .hasMessage("only sha-256 and sha-512 are supported in the Content-Digest header (offered: md5)");
        assertThatThrownBy(() -> verifier.verify(replace(signed, "Content-Digest", "sha-256=abc")))
                .hasMessage("the Content-Digest header is malformed");
    }

    @Test
    void malformedOrAmbiguousSignatures() throws Exception {
        InboundRequest signed = signedPost();
        String input = signed.all("Signature-Input").getFirst();
        String value = signed.all("Signature").getFirst();

        assertThatThrownBy(() -> verifier.verify(replace(signed, "Signature-Input", input + ", " + input.replace("sig1", "sig2"))))
                .hasMessage("only one signature per request is supported");
        assertThatThrownBy(() -> verifier.verify(replace(signed, "Signature-Input", input + ", " + input)))
                .hasMessageStartingWith("the Signature-Input header is malformed: 'sig1' appears more than once");
        assertThatThrownBy(() -> verifier.verify(replace(signed, "Signature", value.replace("sig1", "sig2"))))
                .hasMessage("the Signature header has no value for sig1");
        assertThatThrownBy(() -> verifier.verify(replace(signed, "Signature-Input",
                input.replace("(\"@method\"", "(\"@method\" \"@method\""))))
                .hasMessage("the component @method is covered twice");
        assertThatThrownBy(() -> verifier.verify(replace(signed, "Signature-Input",
                input.replace("\"content-digest\"", "\"content-digest\";sf"))))
                .hasMessage("the component parameter sf is not supported");
        assertThatThrownBy(() -> verifier.verify(replace(signed, "Signature-Input",
                input.replace("\"content-digest\"", "\"Content-Digest\""))))
                .hasMessage("the covered component \"Content-Digest\" is not lower case");
        assertThatThrownBy(() -> verifier.verify(replace(signed, "Signature-Input",
                input.replace("\"@method\"", "\"@status\""))))
                .hasMessage("the signature must cover @method and @target-uri");
        assertThatThrownBy(() -> verifier.verify(replace(signed, "Signature-Input",
                input.replace("\"content-digest\"", "\"content-digest\" \"@status\""))))
                .hasMessage("the component @status is not supported");
        assertThatThrownBy(() -> verifier.verify(replace(signed, "Signature-Input", input.replace(";keyid=", ";keyid=1;x="))))
                .hasMessage("the signature's keyid parameter must be a string");
        assertThatThrownBy(() -> verifier.verify(replace(signed, "Signature-Input",
                input.replaceAll(";keyid=\"[^\"]+\"", ""))))
                .hasMessage("the signature needs a keyid parameter");
        assertThatThrownBy(() -> verifier.verify(replace(signed, "Signature-Input", "sig1=(\"@method\"")))
                .hasMessageStartingWith("the Signature-Input header is malformed");
        assertThatThrownBy(() -> verifier.verify(replace(signed, "Signature", "sig1=:not base64!:")))
                .hasMessageStartingWith("the Signature header is malformed");
    }

    @Test
    void theRotatedKeyRuleAppliesHereToo() throws Exception {
        keys.rotated(TestKeys.ALICE_KEY, TestKeys.ALICE_ACTOR, TestKeys.MALLORY, TestKeys.ALICE);
        assertThat(verifier.verify(signedPost()).refetched()).isTrue();
    }

    @Test
    void signatureInputDecidesTheScheme() throws Exception {
        // With Signature-Input present, Signature is read as the RFC 9421 dictionary (Mastodon decides the same
        // way), so a draft-cavage Signature beside a stray Signature-Input does not verify.
        assertThat(verifier.verify(signedPost()).scheme()).isEqualTo(Scheme.RFC9421);
        Map<String, String> cavage = new HttpSigner(clock).sign("POST", INBOX, Map.of(), BODY, TestKeys.ALICE_KEY,
                TestKeys.ALICE.getPrivate());
        Map<String, String> headers = new LinkedHashMap<>(cavage);
        headers.put("Signature-Input", "sig1=(\"@method\");created=1;keyid=\"k\"");
        assertThatThrownBy(() -> verifier.verify(InboundRequest.of("POST", INBOX, headers, BODY)))
                .hasMessageStartingWith("the Signature header is malformed");
    }
}
