package social.starling.federation.signature;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import social.starling.federation.signature.StructuredFields.Bytes;
import social.starling.federation.signature.StructuredFields.InnerList;
import social.starling.federation.signature.StructuredFields.Item;
import social.starling.federation.signature.StructuredFields.Member;

/**
 * An RFC 9421 HTTP Message Signature: one entry of {@code Signature-Input} and its value in {@code Signature}, and
 * the signature base it covers (RFC 9421 section 2.5).
 *
 * <p>Covered components: the derived {@code @method}, {@code @target-uri}, {@code @authority}, {@code @scheme},
 * {@code @request-target}, {@code @path}, {@code @query} and {@code @query-param;name=…}, and header fields by their
 * lower-case names. Component parameters other than {@code name} ({@code sf}, {@code key}, {@code bs}, {@code req},
 * {@code tr}) are refused: no fediverse signer uses them.
 */
record MessageSignature(String label, InnerList input, byte[] signature, String keyId, Optional<Long> created,
                        Optional<Long> expires, Optional<String> alg, List<Item> components) {
    static final int MAX_HEADER_CHARS = 8_192;

    /**
     * Reads the request's signature. Like Mastodon (docs spec/security, "Only a single signature is supported"),
     * Starling takes a request with exactly one.
     */
    static MessageSignature parse(InboundRequest request) throws SignatureVerificationException {
        String inputField = String.join(", ", request.all("Signature-Input"));
        String signatureField = String.join(", ", request.all("Signature"));
        if (inputField.length() > MAX_HEADER_CHARS || signatureField.length() > MAX_HEADER_CHARS) {
            throw new SignatureVerificationException("the signature headers are too long");
        }
        Map<String, Member> inputs;
        Map<String, Member> signatures;
        try {
            inputs = StructuredFields.parseDictionary(inputField);
        } catch (StructuredFields.ParseException e) {
            throw new SignatureVerificationException("the Signature-Input header is malformed: " + e.getMessage());
        }
        try {
            signatures = StructuredFields.parseDictionary(signatureField);
        } catch (StructuredFields.ParseException e) {
            throw new SignatureVerificationException("the Signature header is malformed: " + e.getMessage());
        }
        if (inputs.size() != 1) {
            throw new SignatureVerificationException(inputs.isEmpty() ? "the Signature-Input header is empty"
                    : "only one signature per request is supported");
        }
        String label = inputs.keySet().iterator().next();
        if (!(inputs.get(label) instanceof InnerList input)) {
            throw new SignatureVerificationException("the Signature-Input header is malformed");
        }
        if (!(signatures.get(label) instanceof Item item) || !(item.value() instanceof Bytes bytes)) {
            throw new SignatureVerificationException("the Signature header has no value for " + label);
        }

        Map<String, Object> params = input.params();
        Optional<String> keyId = string(params, "keyid");
        Optional<String> alg = string(params, "alg");
        string(params, "nonce");
        string(params, "tag");
        Optional<Long> created = integer(params, "created");
        Optional<Long> expires = integer(params, "expires");
        if (keyId.isEmpty() || keyId.get().isBlank()) {
            throw new SignatureVerificationException("the signature needs a keyid parameter");
        }

        Set<String> seen = new HashSet<>();
        for (Item component : input.items()) {
            if (!(component.value() instanceof String name)) {
                throw new SignatureVerificationException("a covered component is not a string");
            }
            if (!name.equals(name.toLowerCase(Locale.ROOT)) || name.isEmpty()) {
                throw new SignatureVerificationException("the covered component \"" + name + "\" is not lower case");
            }
            if (!seen.add(StructuredFields.serialize(component))) {
                throw new SignatureVerificationException("the component " + name + " is covered twice");
            }
            for (String param : component.params().keySet()) {
                if (!(param.equals("name") && name.equals("@query-param"))) {
                    throw new SignatureVerificationException(
                            "the component parameter " + param + " is not supported");
                }
            }
        }
        return new MessageSignature(label, input, bytes.value(), keyId.get(), created, expires, alg, input.items());
    }

    boolean covers(String name) {
        return components.stream().anyMatch(c -> c.value().equals(name));
    }

    Optional<Instant> createdTime() {
        return created.map(Instant::ofEpochSecond);
    }

    Optional<Instant> expiresTime() {
        return expires.map(Instant::ofEpochSecond);
    }

    /** The signature base: a line per covered component, then the {@code @signature-params} line. */
    byte[] signatureBase(InboundRequest request) throws SignatureVerificationException {
        return signatureBase(request, input).getBytes(StandardCharsets.UTF_8);
    }

    static String signatureBase(InboundRequest request, InnerList input) throws SignatureVerificationException {
        StringBuilder base = new StringBuilder();
        for (Item component : input.items()) {
            String name = (String) component.value();
            base.append(StructuredFields.serialize(component)).append(": ")
                    .append(componentValue(request, name, component.params())).append('\n');
        }
        return base.append("\"@signature-params\": ").append(StructuredFields.serialize(input)).toString();
    }

    private static String componentValue(InboundRequest request, String name, Map<String, Object> params)
            throws SignatureVerificationException {
        String query = request.targetUri().getRawQuery();
        return switch (name) {
            case "@method" -> request.method();
            case "@target-uri" -> request.targetUri().getScheme().toLowerCase(Locale.ROOT) + "://"
                    + request.authority() + request.pathAndQuery();
            case "@authority" -> request.authority();
            case "@scheme" -> request.targetUri().getScheme().toLowerCase(Locale.ROOT);
            case "@request-target" -> request.pathAndQuery();
            case "@path" -> request.path();
            case "@query" -> "?" + (query == null ? "" : query);
            case "@query-param" -> queryParam(query, params.get("name"));
            default -> {
                if (name.startsWith("@")) {
                    throw new SignatureVerificationException("the component " + name + " is not supported");
                }
                yield CavageSignature.headerValue(request, name);
            }
        };
    }

    /**
     * RFC 9421 section 2.2.8: the query is parsed as application/x-www-form-urlencoded, names and values decoded
     * and percent-encoded again, so {@code a+b} and {@code a%20b} both read {@code a%20b}. A name that appears more
     * than once cannot be signed this way.
     */
    private static String queryParam(String query, Object nameParam) throws SignatureVerificationException {
        if (!(nameParam instanceof String wanted)) {
            throw new SignatureVerificationException("@query-param needs a name parameter");
        }
        String found = null;
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = reencode(eq < 0 ? pair : pair.substring(0, eq));
                String value = reencode(eq < 0 ? "" : pair.substring(eq + 1));
                if (name.equals(wanted)) {
                    if (found != null) {
                        throw new SignatureVerificationException("the query parameter " + wanted + " is repeated");
                    }
                    found = value;
                }
            }
        }
        if (found == null) {
            throw new SignatureVerificationException("the signed query parameter " + wanted + " is missing");
        }
        return found;
    }

    private static String reencode(String raw) throws SignatureVerificationException {
        String decoded;
        try {
            decoded = URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SignatureVerificationException("the query is malformed");
        }
        StringBuilder out = new StringBuilder();
        for (byte b : decoded.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    private static Optional<String> string(Map<String, Object> params, String name)
            throws SignatureVerificationException {
        Object value = params.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String s)) {
            throw new SignatureVerificationException("the signature's " + name + " parameter must be a string");
        }
        return Optional.of(s);
    }

    private static Optional<Long> integer(Map<String, Object> params, String name)
            throws SignatureVerificationException {
        Object value = params.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Long l)) {
            throw new SignatureVerificationException("the signature's " + name + " parameter must be an integer");
        }
        return Optional.of(l);
    }

}
