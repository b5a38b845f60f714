package social.starling.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.testing.ApiClient;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * Validation errors in the language of Accept-Language (German, French; English otherwise), as Mastodon renders
 * them through Rails I18n; the messages Mastodon keeps in English stay English.
 */
class LocalisedErrorsTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    static HttpTester alice;

    @BeforeAll
    static void accounts() {
        server.fixtures().account("alice");
        alice = ApiClient.register(server.http(), "read write").as("alice", "read write");
    }

    static HttpResult post(String json, String acceptLanguage) {
        return alice.send("POST", "/api/v1/statuses",
                Map.of("Content-Type", "application/json", "Accept-Language", acceptLanguage), json);
    }

    static String error(HttpResult r) {
        return r.json().get("error").asText();
    }

    @Test
    void validationErrorsFollowAcceptLanguage() {
        HttpResult de = post("{\"status\": \"\"}", "de-DE,de;q=0.9,en;q=0.5");
        assertThat(de.status()).isEqualTo(422);
        assertThat(error(de)).isEqualTo("Gültigkeitsprüfung ist fehlgeschlagen: Text muss ausgefüllt werden");
        assertThat(error(post("{\"status\": \"\"}", "fr-CA"))).isEqualTo("La validation a échoué : Text doit être rempli(e)");
        assertThat(error(post("{\"status\": \"x\", \"visibility\": \"everyone\"}", "fr")))
                .isEqualTo("La validation a échoué : Visibility n'est pas inclus(e) dans la liste");
        // Several errors, each translated.
        assertThat(error(post("{\"status\": \"\", \"visibility\": \"everyone\"}", "de")))
                .isEqualTo("Gültigkeitsprüfung ist fehlgeschlagen: Text muss ausgefüllt werden, "
                        + "Visibility ist kein gültiger Wert");
    }

    @Test
    void aLangParameterComesFirstAsOnMastodon() {
        // Mastodon.py's lang= option sends it with the request's parameters.
        HttpResult form = alice.send("POST", "/api/v1/statuses", Map.of("Content-Type",
                "application/x-www-form-urlencoded", "Accept-Language", "fr"), "status=&lang=de");
        assertThat(error(form)).isEqualTo("Gültigkeitsprüfung ist fehlgeschlagen: Text muss ausgefüllt werden");
        HttpResult query = alice.send("POST", "/api/v1/statuses?lang=fr", Map.of("Content-Type", "application/json"),
                "{\"status\": \"\"}");
        assertThat(error(query)).isEqualTo("La validation a échoué : Text doit être rempli(e)");
        HttpResult unknown = alice.send("POST", "/api/v1/statuses?lang=xx", Map.of("Content-Type", "application/json",
                "Accept-Language", "de"), "{\"status\": \"\"}");
        assertThat(error(unknown)).isEqualTo("Gültigkeitsprüfung ist fehlgeschlagen: Text muss ausgefüllt werden");
    }

    @Test
    void englishOtherwise() {
        assertThat(error(post("{\"status\": \"\"}", "ja, en;q=0.5"))).isEqualTo("Validation failed: Text can't be blank");
        assertThat(error(post("{\"status\": \"\"}", "not a language header;;"))).isEqualTo(
                "Validation failed: Text can't be blank");
        assertThat(error(alice.postJson("/api/v1/statuses", "{\"status\": \"\"}")))
                .isEqualTo("Validation failed: Text can't be blank");
        // A part the catalogue does not know keeps the whole message English rather than mixing languages.
        assertThat(error(post("{\"status\": \"" + "a".repeat(501) + "\", \"visibility\": \"everyone\"}", "de")))
                .startsWith("Validation failed: Text character limit of 500 exceeded");
    }

    @Test
    void messagesMastodonKeepsInEnglishStayEnglish() {
        HttpResult missing = alice.send("GET", "/api/v1/statuses/1", Map.of("Accept-Language", "de"), null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(error(missing)).isEqualTo("Record not found");
    }
}
