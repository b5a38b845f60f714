package social.starling.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Error messages in the language a request asks for ({@code Accept-Language}), where Mastodon localises them, with
 * English as the fallback. The one place errors are translated; {@link ErrorMapper} asks it for every 422.
 * <p>
 * What Mastodon localises: validation failures (ActiveRecord::RecordInvalid rendered through Rails I18n, with the
 * rails-i18n catalogues Mastodon ships: "Validation failed: %{errors}" and each error's "%{attribute} %{message}").
 * What it does not, and neither does this: "Record not found", "This action is not allowed" (literal strings in
 * Api::BaseController), the rate limit's "Too many requests" (Rack::Attack answers before the request's locale is
 * set), OAuth errors.
 * <p>
 * Covered: German and French, for the common validation messages Starling raises: {@code <Attribute> can't be
 * blank}, {@code is not included in the list}, {@code has already been taken}, {@code is not a number}, for the
 * attributes Mastodon leaves untranslated (Rails' humanised name, e.g. "Text"). A message with any other part stays
 * English as a whole, so no answer mixes two languages.
 * <p>
 * The language, as Mastodon's Localized concern chooses it: a {@code lang} parameter (Mastodon.py sends one), then
 * the user's chosen locale, then Accept-Language. Starling keeps no locale preference yet (every user's locale is
 * "en" unless set at sign-up), so after {@code lang} Accept-Language decides.
 */
final class ErrorLanguage {
    private static final String PREFIX = "Validation failed: ";
    private static final List<String> SUPPORTED = List.of("en", "de", "fr");
    private static final Set<String> ATTRIBUTES = Set.of("Text", "Title", "Keyword", "Domain", "Visibility",
            "Last read", "Expires in", "Account", "Status", "Replies policy", "Language");

    private record Catalogue(String recordInvalid, Map<String, String> messages) {
    }

    // rails-i18n (config/locales of Mastodon's bundle): activerecord.errors.messages.record_invalid, errors.messages.*
    private static final Map<String, Catalogue> CATALOGUES = Map.of(
            "de", new Catalogue("Gültigkeitsprüfung ist fehlgeschlagen: ", Map.of(
                    "can't be blank", "muss ausgefüllt werden",
                    "is not included in the list", "ist kein gültiger Wert",
                    "has already been taken", "ist bereits vergeben",
                    "is not a number", "ist keine Zahl")),
            "fr", new Catalogue("La validation a échoué : ", Map.of(
                    "can't be blank", "doit être rempli(e)",
                    "is not included in the list", "n'est pas inclus(e) dans la liste",
                    "has already been taken", "n'est pas disponible",
                    "is not a number", "n'est pas un nombre")));

    private ErrorLanguage() {
    }

    /** {@code lang} if supported, else the supported language Accept-Language prefers most ("de-AT" → "de"). */
    static String choose(String lang, String acceptLanguage) {
        if (lang != null) {
            String base = lang.strip().toLowerCase(Locale.ROOT).replace('_', '-');
            int dash = base.indexOf('-');
            base = dash < 0 ? base : base.substring(0, dash);
            if (SUPPORTED.contains(base)) {
                return base;
            }
        }
        return choose(acceptLanguage);
    }

    /** The supported language the header prefers most ("de-AT" → "de"), else English. */
    static String choose(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return "en";
        }
        try {
            String tag = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return tag == null ? "en" : tag;
        } catch (IllegalArgumentException e) {
            return "en";
        }
    }

    /** {@code message} in {@code language}, or as it is when the catalogue does not cover all of it. */
    static String translate(String message, String language) {
        Catalogue catalogue = CATALOGUES.get(language);
        if (catalogue == null || message == null || !message.startsWith(PREFIX)) {
            return message;
        }
        StringBuilder out = new StringBuilder(catalogue.recordInvalid());
        String[] parts = message.substring(PREFIX.length()).split(", ");
        for (int i = 0; i < parts.length; i++) {
            String translated = translatePart(parts[i], catalogue);
            if (translated == null) {
                return message;
            }
            out.append(i == 0 ? "" : ", ").append(translated);
        }
        return out.toString();
    }

    private static String translatePart(String part, Catalogue catalogue) {
        for (Map.Entry<String, String> m : catalogue.messages().entrySet()) {
            String suffix = " " + m.getKey();
            if (part.endsWith(suffix)) {
                String attribute = part.substring(0, part.length() - suffix.length());
                return ATTRIBUTES.contains(attribute) ? attribute + " " + m.getValue() : null;
            }
        }
        return null;
    }
}
