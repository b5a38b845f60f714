package social.starling.federation.note;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reading ActivityStreams values the way Mastodon's JsonLdHelper does ({@code as_array}, {@code value_or_id},
 * {@code equals_or_includes}), with bounds: JSON from strangers, already size-limited by the fetcher or the inbox.
 */
final class As2Values {
    static final int MAX_URL = 2048;

    private As2Values() {
    }

    /** A value, or each element of an array ({@code as_array}); nothing for null. At most {@code max} items. */
    static List<JsonNode> array(JsonNode value, int max) {
        List<JsonNode> out = new ArrayList<>();
        if (value == null || value.isNull() || value.isMissingNode()) {
            return out;
        }
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (out.size() >= max) {
                    break;
                }
                out.add(item);
            }
        } else {
            out.add(value);
        }
        return out;
    }

    /** A string, or the {@code id} of an object ({@code value_or_id}). */
    static Optional<String> idOf(JsonNode value) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.isTextual()) {
            return Optional.of(value.asText());
        }
        if (value.isObject() && value.path("id").isTextual()) {
            return Optional.of(value.path("id").asText());
        }
        return Optional.empty();
    }

    /** Whether {@code type} (a string or an array of them) names one of {@code names}. */
    static boolean typeIs(JsonNode type, java.util.Set<String> names) {
        for (JsonNode t : array(type, 16)) {
            if (t.isTextual() && names.contains(t.asText())) {
                return true;
            }
        }
        return false;
    }

    static Optional<String> text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** An absolute http(s) URL with a host and no user info, at most {@link #MAX_URL} long. */
    static Optional<URI> httpUrl(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_URL) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getHost().isEmpty() || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** ISO 8601 with a zone ({@code Z} or an offset), as every server writes {@code published}. */
    static Optional<Instant> instant(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.asText().strip()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Same scheme, host and port (default ports written or not). */
    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    static boolean sameOrigin(String a, String b) {
        Optional<URI> x = httpUrl(a);
        Optional<URI> y = httpUrl(b);
        return x.isPresent() && y.isPresent() && sameOrigin(x.get(), y.get());
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    /** At most {@code max} chars, never splitting a surrogate pair. */
    static String bounded(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
