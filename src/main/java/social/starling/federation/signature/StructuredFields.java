package social.starling.federation.signature;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 8941 structured fields, as far as {@code Signature-Input}, {@code Signature} and {@code Content-Digest} need:
 * dictionaries of items and inner lists with parameters; integers, decimals, strings, tokens, byte sequences and
 * booleans. Stricter than RFC 8941 in one way, on purpose: a key repeated in a dictionary or in parameters is an
 * error (8941 lets the last one win), since two readings of one signature header are an attack surface.
 */
final class StructuredFields {
    static final int MAX_MEMBERS = 64;

    /** Thrown for any malformed field; the message is safe to show to the sender. */
    static final class ParseException extends Exception {
        ParseException(String message) {
            super(message, null, false, false);
        }
    }

    record Token(String value) {
    }

    record Bytes(byte[] value) {
        Bytes {
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }
    }

    /** A dictionary member: an {@link Item} or an {@link InnerList}. */
    sealed interface Member permits Item, InnerList {
        Map<String, Object> params();
    }

    /** A bare item (Long, BigDecimal, String, Token, Bytes or Boolean) with its parameters. */
    record Item(Object value, Map<String, Object> params) implements Member {
        Item {
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }
    }

    record InnerList(List<Item> items, Map<String, Object> params) implements Member {
        InnerList {
            items = List.copyOf(items);
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }
    }

    private final String input;
    private int pos;

    private StructuredFields(String input) {
        this.input = input;
    }

    static Map<String, Member> parseDictionary(String field) throws ParseException {
        StructuredFields p = new StructuredFields(field);
        p.skipSpaces();
        Map<String, Member> dictionary = new LinkedHashMap<>();
        while (!p.atEnd()) {
            String key = p.key();
            Member member;
            if (p.peek() == '=') {
                p.pos++;
                member = p.peek() == '(' ? p.innerList() : p.item();
            } else {
                member = new Item(Boolean.TRUE, p.params());
            }
            if (dictionary.put(key, member) != null) {
                throw new ParseException("'" + key + "' appears more than once");
            }
            if (dictionary.size() > MAX_MEMBERS) {
                throw new ParseException("too many members");
            }
            p.skipOws();
            if (p.atEnd()) {
                return dictionary;
            }
            p.expect(',');
            p.skipOws();
            if (p.atEnd()) {
                throw new ParseException("trailing comma");
            }
        }
        return dictionary;
    }

    private InnerList innerList() throws ParseException {
        expect('(');
        List<Item> items = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (peek() == ')') {
                pos++;
                return new InnerList(items, params());
            }
            items.add(item());
            if (items.size() > MAX_MEMBERS) {
                throw new ParseException("too many items in a list");
            }
            char next = peek();
            if (next != ' ' && next != ')') {
                throw new ParseException("malformed inner list");
            }
        }
    }

    private Item item() throws ParseException {
        Object value = bareItem();
        return new Item(value, params());
    }

    private Map<String, Object> params() throws ParseException {
        Map<String, Object> params = new LinkedHashMap<>();
        while (peek() == ';') {
            pos++;
            skipSpaces();
            String key = key();
            Object value = Boolean.TRUE;
            if (peek() == '=') {
                pos++;
                value = bareItem();
            }
            if (params.put(key, value) != null) {
                throw new ParseException("parameter '" + key + "' appears more than once");
            }
            if (params.size() > MAX_MEMBERS) {
                throw new ParseException("too many parameters");
            }
        }
        return params;
    }

    private Object bareItem() throws ParseException {
        char c = peek();
        if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
        }
        if (c == '"') {
            return string();
        }
        if (c == ':') {
            return bytes();
        }
        if (c == '?') {
            pos++;
            char b = peek();
            if (b == '1' || b == '0') {
                pos++;
                return b == '1';
            }
            throw new ParseException("malformed boolean");
        }
        if (c == '*' || isAlpha(c)) {
            int start = pos;
            while (!atEnd() && (isTchar(peek()) || peek() == ':' || peek() == '/')) {
                pos++;
            }
            return new Token(input.substring(start, pos));
        }
        throw new ParseException("unexpected character");
    }

    private Object number() throws ParseException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        int digits = 0;
        int dot = -1;
        while (!atEnd()) {
            char c = peek();
            if (c >= '0' && c <= '9') {
                digits++;
                pos++;
            } else if (c == '.' && dot < 0 && digits > 0) {
                dot = pos++;
            } else {
                break;
            }
        }
        String text = input.substring(start, pos);
        if (digits == 0 || text.endsWith(".")) {
            throw new ParseException("malformed number");
        }
        if (dot < 0) {
            if (digits > 15) {
                throw new ParseException("integer too long");
            }
            return Long.parseLong(text);
        }
        if (dot - start > 12 + (text.startsWith("-") ? 1 : 0) || pos - dot - 1 > 3) {
            throw new ParseException("decimal too long");
        }
        return new BigDecimal(text);
    }

    private String string() throws ParseException {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (!atEnd()) {
            char c = input.charAt(pos++);
            if (c == '\\') {
                if (atEnd()) {
                    throw new ParseException("malformed string");
                }
                char escaped = input.charAt(pos++);
                if (escaped != '"' && escaped != '\\') {
                    throw new ParseException("malformed string escape");
                }
                out.append(escaped);
            } else if (c == '"') {
                return out.toString();
            } else if (c < 0x20 || c > 0x7E) {
                throw new ParseException("invalid character in string");
            } else {
                out.append(c);
            }
        }
        throw new ParseException("unterminated string");
    }

    private Bytes bytes() throws ParseException {
        expect(':');
        int end = input.indexOf(':', pos);
        if (end < 0) {
            throw new ParseException("unterminated byte sequence");
        }
        String text = input.substring(pos, end);
        pos = end + 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(isAlpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=')) {
                throw new ParseException("malformed byte sequence");
            }
        }
        try {
            return new Bytes(Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            throw new ParseException("malformed byte sequence");
        }
    }

    private String key() throws ParseException {
        char first = peek();
        if (!(first == '*' || (first >= 'a' && first <= 'z'))) {
            throw new ParseException("malformed key");
        }
        int start = pos;
        while (!atEnd()) {
            char c = peek();
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' || c == '*') {
                pos++;
            } else {
                break;
            }
        }
        return input.substring(start, pos);
    }

    private void expect(char c) throws ParseException {
        if (peek() != c) {
            throw new ParseException("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return atEnd() ? '\0' : input.charAt(pos);
    }

    private boolean atEnd() {
        return pos >= input.length();
    }

    private void skipSpaces() {
        while (!atEnd() && input.charAt(pos) == ' ') {
            pos++;
        }
    }

    private void skipOws() {
        while (!atEnd() && (input.charAt(pos) == ' ' || input.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isTchar(char c) {
        return isAlpha(c) || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    // Serialisation (RFC 8941 section 4.1), used for "@signature-params" and component identifiers.

    static String serialize(InnerList list) {
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < list.items().size(); i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(serialize(list.items().get(i)));
        }
        return out.append(')').append(serializeParams(list.params())).toString();
    }

    static String serialize(Item item) {
        return serializeBare(item.value()) + serializeParams(item.params());
    }

    static String serializeParams(Map<String, Object> params) {
        StringBuilder out = new StringBuilder();
        params.forEach((key, value) -> {
            out.append(';').append(key);
            if (!Boolean.TRUE.equals(value)) {
                out.append('=').append(serializeBare(value));
            }
        });
        return out.toString();
    }

    static String serializeBare(Object value) {
        return switch (value) {
            case Long l -> Long.toString(l);
            case Integer i -> Integer.toString(i);
            case BigDecimal d -> {
                BigDecimal scaled = d.setScale(Math.min(3, Math.max(1, d.stripTrailingZeros().scale())),
                        java.math.RoundingMode.HALF_EVEN);
                yield scaled.toPlainString();
            }
            case String s -> {
                StringBuilder out = new StringBuilder("\"");
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (c == '"' || c == '\\') {
                        out.append('\\');
                    }
                    out.append(c);
                }
                yield out.append('"').toString();
            }
            case Token t -> t.value();
            case Bytes b -> ":" + Base64.getEncoder().encodeToString(b.value()) + ":";
            case Boolean b -> b ? "?1" : "?0";
            default -> throw new IllegalArgumentException("not a structured field value: " + value);
        };
    }
}
