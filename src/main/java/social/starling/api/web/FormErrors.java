package social.starling.api.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import social.starling.errors.UnprocessableException;

/**
 * Validation messages for a form: per field (shown next to it) and general ones (shown at the top). Built from
 * {@link UnprocessableException#details()}; a field the form does not show becomes a general message.
 */
public record FormErrors(Map<String, List<String>> fields, List<String> general) {
    public static final FormErrors NONE = new FormErrors(Map.of(), List.of());

    public static FormErrors of(UnprocessableException e, Set<String> shownFields) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        List<String> general = new java.util.ArrayList<>();
        e.details().forEach((field, details) -> details.forEach(d -> {
            if (shownFields.contains(field)) {
                fields.computeIfAbsent(field, k -> new java.util.ArrayList<>()).add(sentence(d.description()));
            } else {
                general.add(sentence(label(field) + " " + d.description()));
            }
        }));
        if (e.details().isEmpty()) {
            general.add(e.getMessage());
        }
        return new FormErrors(fields, general);
    }

    public static FormErrors field(String field, String message) {
        return new FormErrors(Map.of(field, List.of(message)), List.of());
    }

    public static FormErrors general(String message) {
        return new FormErrors(Map.of(), List.of(message));
    }

    public List<String> of(String field) {
        return fields.getOrDefault(field, List.of());
    }

    public boolean any() {
        return !fields.isEmpty() || !general.isEmpty();
    }

    private static String label(String field) {
        String words = field.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String sentence(String text) {
        String s = text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return s.endsWith(".") ? s : s + ".";
    }
}
