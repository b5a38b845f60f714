package social.starling.api.statuses;

import static org.assertj.core.api.Assertions.assertThat;
import static social.starling.db.schema.Tables.NOTIFICATIONS;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import social.starling.db.TestSql;
import social.starling.model.NotificationType;
import social.starling.testing.ApiClient;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/** Small helpers for the interaction tests: posting, reading notification rows, reading Link headers. */
final class InteractionTesting {
    private static final Pattern LINK = Pattern.compile("<([^>]+)>;\\s*rel=\"(\\w+)\"");

    private InteractionTesting() {
    }

    /** Posts a status and returns its id. */
    /** A member made by the fixtures, signed in through the app with read, write and follow. */
    static HttpTester member(TestApp server, ApiClient client, String name) {
        server.fixtures().account(name);
        return client.as(name, "read write follow");
    }

    static String post(HttpTester as, String text, String visibility) {
        HttpResult r = as.postJson("/api/v1/statuses", "{\"status\": \"" + text + "\", \"visibility\": \""
                + visibility + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asText();
    }

    /** Rows in the notifications table (the notifications API belongs to another area). */
    static int notifications(TestApp server, long recipient, long from, NotificationType type, String statusId) {
        return server.app().core().db().read(tx -> TestSql.dsl(tx).fetchCount(NOTIFICATIONS, NOTIFICATIONS.ACCOUNT_ID.eq(recipient)
                .and(NOTIFICATIONS.FROM_ACCOUNT_ID.eq(from)).and(NOTIFICATIONS.TYPE.eq(type.wireName()))
                .and(NOTIFICATIONS.STATUS_ID.eq(Long.parseLong(statusId)))));
    }

    /** rel → URL from the Link header (path and query only, so the tester can follow it). */
    static Map<String, String> links(HttpResult r, String baseUrl) {
        Map<String, String> out = new HashMap<>();
        Matcher m = LINK.matcher(r.header("Link").orElse(""));
        while (m.find()) {
            out.put(m.group(2), m.group(1).replace(baseUrl, ""));
        }
        return out;
    }

    static String id(long id) {
        return Long.toString(id);
    }
}
