package social.starling.federation.signature;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A draft-cavage-http-signatures {@code Signature} header: {@code keyId="…",algorithm="…",headers="…",signature="…"}
 * (draft 12 section 2.1), and the signing string it covers (section 2.3).
 */
record CavageSignature(String keyId, String algorithm, List<String> headers, byte[] signature,
                       Optional<Long> created, Optional<Long> expires) {
    static final int MAX_HEADER_CHARS = 8_192;
    static final int MAX_COVERED = 32;
    private static final Pattern NUMBER = Pattern.compile("(-?\\d{1,15})(\\.\\d{1,9})?");

    /** Parses the header. Parameters other than the six of the draft are ignored; a repeated one is an error. */
    static CavageSignature parse(String header) throws SignatureVerificationException {
        if (header.length() > MAX_HEADER_CHARS) {
            throw new SignatureVerificationException("the Signature header is too long");
        }
        Map<String, String> params = params(header);
        String keyId = params.get("keyId");
        String signature = params.get("signature");
        if (keyId == null || keyId.isBlank() || signature == null || signature.isBlank()) {
            throw new SignatureVerificationException("the signature needs keyId and signature parameters");
        }
        // Mastodon reads a missing algorithm as hs2019 and a missing headers list as "date", or "(created)" for hs2019
        // (app/lib/signed_request.rb). Either default then fails the coverage rules, with a reason.
        String algorithm = params.getOrDefault("algorithm", "hs2019").toLowerCase(Locale.ROOT);
        String headerList = params.getOrDefault("headers", algorithm.equals("hs2019") ? "(created)" : "date");
        Set<String> covered = new LinkedHashSet<>();
        for (String name : headerList.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (name.isEmpty()) {
                continue;
            }
            if (!covered.add(name)) {
                throw new SignatureVerificationException("the signature lists " + name + " twice");
            }
        }
        if (covered.isEmpty() || covered.size() > MAX_COVERED) {
            throw new SignatureVerificationException("the signature's headers parameter is malformed");
        }
        byte[] value;
        try {
            value = Base64.getDecoder().decode(signature.trim());
        } catch (IllegalArgumentException e) {
            throw new SignatureVerificationException("the signature value is not base64");
        }
        return new CavageSignature(keyId, algorithm, List.copyOf(covered), value,
                number(params, "created"), number(params, "expires"));
    }

    /**
     * When the request says it was made: the {@code created} parameter when {@code (created)} is signed, else the
     * Date header when {@code date} is signed. The parameters of a draft-cavage Signature header are not signed
     * themselves, so an uncovered {@code created} or {@code expires} is ignored: Mastodon reads them either way
     * (signed_request.rb, created_time / expires_time), which would let whoever replays a captured request stretch
     * its window to 12 hours by adding {@code expires}.
     */
    Optional<Instant> createdTime(InboundRequest request) throws SignatureVerificationException {
        if (algorithm.equals("hs2019") && headers.contains("(created)") && created.isPresent()) {
            return created.map(Instant::ofEpochSecond);
        }
        Optional<String> date = request.single("Date");
        if (date.isEmpty() || !headers.contains("date")) {
            return Optional.empty();
        }
        return Optional.of(HttpDates.parse(date.get())
                .orElseThrow(() -> new SignatureVerificationException("the Date header is malformed")));
    }

    /** The {@code expires} parameter, when {@code (expires)} is signed. */
    Optional<Instant> expiresTime() {
        return headers.contains("(expires)") ? expires.map(Instant::ofEpochSecond) : Optional.empty();
    }

    /**
     * The signing string: one {@code name: value} line per covered header. {@code withQuery} false leaves the query
     * out of {@code (request-target)}: Mastodon accepts that form too, because its own older versions signed it
     * (app/lib/signed_request.rb, build_signed_string(include_query_string: false)).
     */
    byte[] signingString(InboundRequest request, boolean withQuery) throws SignatureVerificationException {
        StringBuilder out = new StringBuilder();
        for (String name : headers) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(name).append(": ");
            switch (name) {
                case "(request-target)" -> out.append(request.method().toLowerCase(Locale.ROOT)).append(' ')
                        .append(withQuery ? request.pathAndQuery() : request.path());
                case "(created)", "(expires)" -> {
                    if (!algorithm.equals("hs2019")) {
                        throw new SignatureVerificationException(name + " may only be signed with hs2019");
                    }
                    Optional<Long> value = name.equals("(created)") ? created : expires;
                    out.append(value.orElseThrow(() -> new SignatureVerificationException(
                            name + " is signed but its parameter is missing")));
                }
                default -> out.append(headerValue(request, name));
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A header's value in a signing string or signature base: its lines trimmed and joined by ", ". */
    static String headerValue(InboundRequest request, String name) throws SignatureVerificationException {
        List<String> values = request.all(name);
        if (values.isEmpty() && name.equals("host")) {
            // HTTP/2 carries the host in :authority; the target URI holds the same.
            return request.authority();
        }
        if (values.isEmpty()) {
            throw new SignatureVerificationException("the signed header " + name + " is missing");
        }
        List<String> trimmed = new ArrayList<>();
        for (String value : values) {
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw new SignatureVerificationException("the signed header " + name + " is malformed");
            }
            trimmed.add(value.strip());
        }
        return String.join(", ", trimmed);
    }

    private static Optional<Long> number(Map<String, String> params, String name) throws SignatureVerificationException {
        String raw = params.get(name);
        if (raw == null) {
            return Optional.empty();
        }
        // draft 12 allows a decimal; the fraction says nothing useful for a window counted in minutes.
        Matcher m = NUMBER.matcher(raw.trim());
        if (!m.matches()) {
            throw new SignatureVerificationException("the signature's " + name + " parameter is not a number");
        }
        return Optional.of(Long.parseLong(m.group(1)));
    }

    /** {@code name=value} pairs separated by commas; a value is a quoted string or a bare token or number. */
    private static Map<String, String> params(String header) throws SignatureVerificationException {
        Map<String, String> params = new HashMap<>();
        int i = 0;
        int n = header.length();
        while (true) {
            while (i < n && (header.charAt(i) == ' ' || header.charAt(i) == '\t')) {
                i++;
            }
            int nameStart = i;
            while (i < n && isTokenChar(header.charAt(i))) {
                i++;
            }
            String name = header.substring(nameStart, i);
            while (i < n && header.charAt(i) == ' ') {
                i++;
            }
            if (name.isEmpty() || i >= n || header.charAt(i) != '=') {
                throw new SignatureVerificationException("the Signature header is malformed");
            }
            i++;
            while (i < n && header.charAt(i) == ' ') {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < n && header.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = header.charAt(i++);
                    if (c == '\\' && i < n) {
                        value.append(header.charAt(i++));
                    } else if (c == '"') {
                        closed = true;
                        break;
                    } else {
                        value.append(c);
                    }
                }
                if (!closed) {
                    throw new SignatureVerificationException("the Signature header is malformed");
                }
            } else {
                int start = i;
                while (i < n && isTokenChar(header.charAt(i))) {
                    i++;
                }
                if (start == i) {
                    throw new SignatureVerificationException("the Signature header is malformed");
                }
                value.append(header, start, i);
            }
            if (params.put(name, value.toString()) != null) {
                throw new SignatureVerificationException("the signature parameter " + name + " appears twice");
            }
            while (i < n && (header.charAt(i) == ' ' || header.charAt(i) == '\t')) {
                i++;
            }
            if (i >= n) {
                return params;
            }
            if (header.charAt(i) != ',') {
                throw new SignatureVerificationException("the Signature header is malformed");
            }
            i++;
        }
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
