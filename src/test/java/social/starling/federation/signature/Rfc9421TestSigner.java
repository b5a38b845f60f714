package social.starling.federation.signature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import social.starling.federation.signature.StructuredFields.Bytes;
import social.starling.federation.signature.StructuredFields.InnerList;
import social.starling.federation.signature.StructuredFields.Item;

/**
 * An RFC 9421 signer for tests: builds the {@code Signature-Input} and {@code Signature} values for a request with
 * the same signature-base code the verifier uses, so round trips and the RFC's deterministic vectors can be checked.
 * Starling does not send RFC 9421 signatures yet (Mastodon sends draft-cavage), so this is not production code.
 */
final class Rfc9421TestSigner {
    private Rfc9421TestSigner() {
    }

    record Signed(String signatureInput, String signature, String base) {
    }

    /**
     * @param components covered components, e.g. {@code "@method"}; a {@code @query-param} takes its name as
     *                   {@code "@query-param;name=Pet"}
     * @param params     signature parameters in order (created, keyid, alg, expires, nonce, tag)
     */
    static Signed sign(InboundRequest request, String label, List<String> components, Map<String, Object> params,
                       SignatureAlgorithm algorithm, PrivateKey key) throws SignatureVerificationException {
        InnerList input = input(components, params);
        String base = MessageSignature.signatureBase(request, input);
        byte[] value = algorithm.sign(key, base.getBytes(StandardCharsets.UTF_8));
        return new Signed(label + "=" + StructuredFields.serialize(input),
                label + "=" + StructuredFields.serializeBare(new Bytes(value)), base);
    }

    static InnerList input(List<String> components, Map<String, Object> params) {
        List<Item> items = new ArrayList<>();
        for (String component : components) {
            Map<String, Object> componentParams = new LinkedHashMap<>();
            String name = component;
            int semicolon = component.indexOf(";name=");
            if (semicolon >= 0) {
                name = component.substring(0, semicolon);
                componentParams.put("name", component.substring(semicolon + ";name=".length()));
            }
            items.add(new Item(name, componentParams));
        }
        Map<String, Object> converted = new LinkedHashMap<>();
        params.forEach((k, v) -> converted.put(k, v instanceof Integer i ? Long.valueOf(i) : v));
        return new InnerList(items, converted);
    }

    /** The request with the signature headers added. */
    static InboundRequest withSignature(InboundRequest request, Signed signed) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.put("Signature-Input", List.of(signed.signatureInput()));
        headers.put("Signature", List.of(signed.signature()));
        return new InboundRequest(request.method(), request.targetUri(), headers, request.body());
    }
}
