package social.starling.api.statuses;

import static org.assertj.core.api.Assertions.assertThat;
import static social.starling.api.statuses.InteractionTesting.links;
import static social.starling.api.statuses.InteractionTesting.notifications;
import static social.starling.api.statuses.InteractionTesting.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.model.NotificationType;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.Golden;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * Quote posts as Mastodon 4.5 has them: posting a quote (policy checks, visibility rules, errors), the Status's
 * {@code quote} (Quote at the top, ShallowQuote inside) and {@code quote_approval}, a status's quotes, revoking,
 * changing the quote policy, the default quote policy, and the quote / quoted_update notifications.
 */
class QuotesApiTest {
    static final String NOT_FOUND = "The post you are trying to quote does not appear to exist.";

    @RegisterExtension
    static TestApp server = TestApp.create();

    static ApiClient client;

    @BeforeAll
    static void app() {
        client = ApiClient.register(server.http(), "read write follow");
    }

    static HttpTester as(String name) {
        return InteractionTesting.member(server, client, name);
    }

    static long idOf(String name) {
        return server.fixtures().account(name).id();
    }

    static HttpResult quote(HttpTester as, String text, String quotedId, String extra) {
        return as.postJson("/api/v1/statuses", "{\"status\": \"" + text + "\", \"quoted_status_id\": \"" + quotedId
                + "\"" + extra + "}");
    }

    static String quoteId(HttpTester as, String text, String quotedId) {
        HttpResult r = quote(as, text, quotedId, "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("id").asText();
    }

    /**
     * Cached statuses hold their quote facts, checked against the status's version: a quote row changed by any code
     * (here straight in the database, as another node's writer might) must bump both statuses' versions (V32), so
     * the next read shows the change.
     */
    @Test
    void quoteRowsChangedInTheDatabaseShowOnTheNextRead() {
        HttpTester qa = as("qv_author");
        HttpTester qb = as("qv_quoter");
        String original = post(qa, "count my quotes", "public");
        String quoting = quoteId(qb, "a quote", original);
        assertThat(qa.get("/api/v1/statuses/" + original).json().get("quotes_count").asInt()).isEqualTo(1);
        assertThat(qa.get("/api/v1/statuses/" + quoting).json().get("quote").get("state").asText())
                .isEqualTo("accepted");
        var db = server.app().core().db();
        var quotes = social.starling.db.schema.Tables.QUOTES;

        db.inTransaction(tx -> social.starling.db.TestSql.dsl(tx).update(quotes).set(quotes.STATE, "revoked")
                .where(quotes.STATUS_ID.eq(Long.parseLong(quoting))).execute());
        assertThat(qa.get("/api/v1/statuses/" + original).json().get("quotes_count").asInt()).isZero();
        assertThat(qa.get("/api/v1/statuses/" + quoting).json().get("quote").get("state").asText())
                .isEqualTo("revoked");

        db.inTransaction(tx -> social.starling.db.TestSql.dsl(tx).deleteFrom(quotes)
                .where(quotes.STATUS_ID.eq(Long.parseLong(quoting))).execute());
        assertThat(qa.get("/api/v1/statuses/" + quoting).json().get("quote").isNull()).isTrue();
    }

    @Test
    void aQuoteOfAPublicStatusIsAcceptedAndShownWithTheQuotedStatus() {
        HttpTester alice = as("alice");
        HttpTester bob = as("bob");
        HttpTester carol = as("carol");
        String original = post(alice, "quote me", "public");
        // Without quote_approval_policy a status takes the author's default (public).
        JsonNode plain = alice.get("/api/v1/statuses/" + original).json();
        assertThat(plain.get("quote").isNull()).isTrue();
        assertThat(plain.get("quote_approval").get("automatic")).extracting(JsonNode::asText).containsExactly("public");
        assertThat(plain.get("quote_approval").get("current_user").asText()).isEqualTo("automatic");
        assertThat(bob.get("/api/v1/statuses/" + original).json().get("quote_approval").get("current_user").asText())
                .isEqualTo("automatic");
        assertThat(server.http().get("/api/v1/statuses/" + original).json().get("quote_approval")
                .get("current_user").asText()).isEqualTo("denied");

        HttpResult quoted = quote(bob, "look at this", original, "");
        assertThat(quoted.status()).as(quoted.body()).isEqualTo(200);
        JsonNode q = quoted.json().get("quote");
        assertThat(q.get("state").asText()).isEqualTo("accepted");
        assertThat(q.get("quoted_status").get("id").asText()).isEqualTo(original);
        assertThat(q.get("quoted_status").get("quote").isNull()).isTrue();
        String bobsQuote = quoted.json().get("id").asText();
        assertThat(alice.get("/api/v1/statuses/" + original).json().get("quotes_count").asInt()).isEqualTo(1);

        // A quote of a quote: the inner quote is a ShallowQuote (state and id only).
        HttpResult nested = quote(carol, "quoting the quote", bobsQuote, "");
        assertThat(nested.status()).as(nested.body()).isEqualTo(200);
        Golden.assertMatches("status_with_quote.json", nested.body());
        JsonNode inner = nested.json().get("quote").get("quoted_status").get("quote");
        assertThat(inner.get("state").asText()).isEqualTo("accepted");
        assertThat(inner.get("quoted_status_id").asText()).isEqualTo(original);
        assertThat(inner.has("quoted_status")).isFalse();

        // Quoting a reblog quotes the reblogged status.
        String reblog = bob.post("/api/v1/statuses/" + original + "/reblog").json().get("id").asText();
        assertThat(quote(carol, "via a boost", reblog, "").json().get("quote").get("quoted_status").get("id")
                .asText()).isEqualTo(original);

        server.awaitDistributed();
        assertThat(notifications(server, idOf("alice"), idOf("bob"), NotificationType.QUOTE, bobsQuote)).isEqualTo(1);
        HttpResult grouped = alice.get("/api/v2/notifications?types[]=quote");
        assertThat(grouped.status()).as(grouped.body()).isEqualTo(200);
        JsonNode groups = grouped.json().get("notification_groups");
        assertThat(groups).isNotEmpty();
        assertThat(groups.get(0).get("type").asText()).isEqualTo("quote");
        assertThat(groups.get(0).get("group_key").asText()).startsWith("ungrouped-");
        HttpResult v1 = alice.get("/api/v1/notifications?types[]=quote");
        assertThat(v1.json()).extracting(n -> n.get("status").get("id").asText()).contains(bobsQuote);
    }

    @Test
    void theQuotePolicyDecidesWhoMayQuote() {
        HttpTester dora = as("dora");
        HttpTester erin = as("erin");
        HttpResult nobody = dora.postJson("/api/v1/statuses",
                "{\"status\": \"no quotes\", \"quote_approval_policy\": \"nobody\"}");
        assertThat(nobody.status()).as(nobody.body()).isEqualTo(200);
        assertThat(nobody.json().get("quote_approval").get("automatic")).isEmpty();
        String nobodyId = nobody.json().get("id").asText();
        assertThat(erin.get("/api/v1/statuses/" + nobodyId).json().get("quote_approval").get("current_user").asText())
                .isEqualTo("denied");
        HttpResult refused = quote(erin, "nope", nobodyId, "");
        assertThat(refused.status()).as(refused.body()).isEqualTo(404);
        assertThat(refused.json().get("error").asText()).isEqualTo(NOT_FOUND);
        // The author may always quote themselves.
        assertThat(quote(dora, "myself", nobodyId, "").status()).isEqualTo(200);

        String followersOnly = dora.postJson("/api/v1/statuses",
                "{\"status\": \"followers may quote\", \"quote_approval_policy\": \"followers\"}").json()
                .get("id").asText();
        assertThat(dora.get("/api/v1/statuses/" + followersOnly).json().get("quote_approval").get("automatic"))
                .extracting(JsonNode::asText).containsExactly("followers");
        assertThat(quote(erin, "not yet", followersOnly, "").status()).isEqualTo(404);
        assertThat(erin.post("/api/v1/accounts/" + idOf("dora") + "/follow").status()).isEqualTo(200);
        assertThat(erin.get("/api/v1/statuses/" + followersOnly).json().get("quote_approval").get("current_user")
                .asText()).isEqualTo("automatic");
        assertThat(quote(erin, "now I may", followersOnly, "").json().get("quote").get("state").asText())
                .isEqualTo("accepted");

        HttpResult invalid = dora.postJson("/api/v1/statuses",
                "{\"status\": \"odd policy\", \"quote_approval_policy\": \"everyone\"}");
        assertThat(invalid.status()).as(invalid.body()).isEqualTo(422);
        HttpResult missing = quote(erin, "ghost", "12345", "");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("error").asText()).isEqualTo(NOT_FOUND);
        assertThat(quote(erin, "junk", "abc", "").status()).isEqualTo(404);
    }

    @Test
    void privateAndDirectPostsFollowMastodonsRules() {
        HttpTester fred = as("fred");
        HttpTester gina = as("gina");
        assertThat(gina.post("/api/v1/accounts/" + idOf("fred") + "/follow").status()).isEqualTo(200);
        // A private post is quotable by nobody but its author, whatever the policy asked.
        HttpResult priv = fred.postJson("/api/v1/statuses",
                "{\"status\": \"followers only\", \"visibility\": \"private\", \"quote_approval_policy\": \"public\"}");
        assertThat(priv.json().get("quote_approval").get("automatic")).isEmpty();
        String privId = priv.json().get("id").asText();
        assertThat(gina.get("/api/v1/statuses/" + privId).status()).isEqualTo(200);
        assertThat(quote(gina, "leak", privId, "").status()).isEqualTo(404);
        // Its author may quote it, and the quote becomes private.
        HttpResult own = quote(fred, "my own", privId, ", \"visibility\": \"public\"");
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().get("visibility").asText()).isEqualTo("private");

        // A private mention may quote only someone it mentions.
        String open = post(fred, "public words", "public");
        HttpResult unmentioned = quote(gina, "psst", open, ", \"visibility\": \"direct\"");
        assertThat(unmentioned.status()).as(unmentioned.body()).isEqualTo(422);
        assertThat(unmentioned.json().get("error").asText())
                .isEqualTo("Validation failed: Cannot quote a non-mentioned user in a Private Mention post.");
        HttpResult mentioned = gina.postJson("/api/v1/statuses", "{\"status\": \"psst @fred\", \"visibility\": "
                + "\"direct\", \"quoted_status_id\": \"" + open + "\"}");
        assertThat(mentioned.status()).as(mentioned.body()).isEqualTo(200);
        assertThat(mentioned.json().get("quote_approval").get("automatic")).isEmpty();
    }

    @Test
    void hiddenAndDeletedQuotedStatusesShowOnlyAState() {
        HttpTester hank = as("hank");
        HttpTester iris = as("iris");
        HttpTester jack = as("jack");
        String original = post(hank, "soon gone", "public");
        String quoting = quoteId(iris, "about that", original);
        assertThat(hank.post("/api/v1/accounts/" + idOf("jack") + "/block").status()).isEqualTo(200);
        JsonNode seenByJack = jack.get("/api/v1/statuses/" + quoting).json().get("quote");
        assertThat(seenByJack.get("state").asText()).isEqualTo("unauthorized");
        assertThat(seenByJack.get("quoted_status").isNull()).isTrue();

        assertThat(hank.delete("/api/v1/statuses/" + original).status()).isEqualTo(200);
        JsonNode afterDelete = iris.get("/api/v1/statuses/" + quoting).json().get("quote");
        assertThat(afterDelete.get("state").asText()).isEqualTo("deleted");
        assertThat(afterDelete.get("quoted_status").isNull()).isTrue();
    }

    @Test
    void theAuthorListsAndRevokesQuotes() {
        HttpTester kate = as("kate");
        HttpTester liam = as("liam");
        HttpTester mona = as("mona");
        String original = post(kate, "popular", "public");
        String first = quoteId(liam, "one", original);
        String second = quoteId(mona, "two", original);

        HttpResult all = kate.get("/api/v1/statuses/" + original + "/quotes");
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.json()).extracting(s -> s.get("id").asText()).containsExactly(second, first);
        HttpResult paged = kate.get("/api/v1/statuses/" + original + "/quotes?limit=1");
        assertThat(paged.json()).extracting(s -> s.get("id").asText()).containsExactly(second);
        List<String> walked = new ArrayList<>();
        paged.json().forEach(s -> walked.add(s.get("id").asText()));
        HttpResult next = kate.get(links(paged, server.baseUrl()).get("next"));
        next.json().forEach(s -> walked.add(s.get("id").asText()));
        assertThat(walked).containsExactly(second, first);

        HttpResult notMine = liam.get("/api/v1/statuses/" + original + "/quotes");
        assertThat(notMine.status()).isEqualTo(403);
        assertThat(liam.post("/api/v1/statuses/" + original + "/quotes/" + first + "/revoke").status())
                .isEqualTo(403);

        HttpResult revoked = kate.post("/api/v1/statuses/" + original + "/quotes/" + first + "/revoke");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("id").asText()).isEqualTo(first);
        assertThat(revoked.json().get("quote").get("state").asText()).isEqualTo("revoked");
        assertThat(revoked.json().get("quote").get("quoted_status").isNull()).isTrue();
        assertThat(kate.get("/api/v1/statuses/" + original + "/quotes").json())
                .extracting(s -> s.get("id").asText()).containsExactly(second);
        assertThat(kate.get("/api/v1/statuses/" + original).json().get("quotes_count").asInt()).isEqualTo(1);
        assertThat(kate.post("/api/v1/statuses/" + original + "/quotes/" + original + "/revoke").status())
                .isEqualTo(404);
    }

    @Test
    void thePolicyOfAPostedStatusCanBeChanged() {
        HttpTester nora = as("nora");
        HttpTester owen = as("owen");
        String original = post(nora, "changing my mind", "public");
        HttpResult put = nora.putJson("/api/v1/statuses/" + original + "/interaction_policy",
                "{\"quote_approval_policy\": \"nobody\"}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("quote_approval").get("automatic")).isEmpty();
        assertThat(quote(owen, "too late", original, "").status()).isEqualTo(404);
        HttpResult patch = nora.patchJson("/api/v1/statuses/" + original + "/interaction_policy",
                "{\"quote_approval_policy\": \"followers\"}");
        assertThat(patch.status()).as(patch.body()).isEqualTo(200);
        assertThat(patch.json().get("quote_approval").get("automatic")).extracting(JsonNode::asText)
                .containsExactly("followers");
        assertThat(owen.putJson("/api/v1/statuses/" + original + "/interaction_policy",
                "{\"quote_approval_policy\": \"public\"}").status()).isEqualTo(404);
        assertThat(nora.putJson("/api/v1/statuses/" + original + "/interaction_policy",
                "{\"quote_approval_policy\": \"everyone\"}").status()).isEqualTo(422);

        // Editing takes quote_approval_policy too; a policy change alone is not an edit.
        HttpResult edited = nora.putJson("/api/v1/statuses/" + original,
                "{\"status\": \"changing my mind\", \"quote_approval_policy\": \"nobody\"}");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("quote_approval").get("automatic")).isEmpty();
        assertThat(edited.json().get("edited_at").isNull()).isTrue();
        assertThat(nora.putJson("/api/v1/statuses/" + original,
                "{\"status\": \"x\", \"quote_approval_policy\": \"everyone\"}").status()).isEqualTo(422);
    }

    @Test
    void theDefaultQuotePolicyIsAnAccountSetting() {
        HttpTester pete = as("pete");
        HttpTester quin = as("quin");
        assertThat(pete.get("/api/v1/accounts/verify_credentials").json().get("source").get("quote_policy").asText())
                .isEqualTo("public");
        HttpResult updated = pete.patchJson("/api/v1/accounts/update_credentials",
                "{\"source\": {\"quote_policy\": \"nobody\"}}");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("source").get("quote_policy").asText()).isEqualTo("nobody");
        assertThat(pete.get("/api/v1/accounts/verify_credentials").json().get("source").get("quote_policy").asText())
                .isEqualTo("nobody");
        String status = post(pete, "default nobody", "public");
        assertThat(pete.get("/api/v1/statuses/" + status).json().get("quote_approval").get("automatic")).isEmpty();
        assertThat(quote(quin, "denied", status, "").status()).isEqualTo(404);
        // Form-encoded, as most apps send it.
        HttpResult form = pete.send("PATCH", "/api/v1/accounts/update_credentials",
                java.util.Map.of("Content-Type", "application/x-www-form-urlencoded"), "source%5Bquote_policy%5D=followers");
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        assertThat(form.json().get("source").get("quote_policy").asText()).isEqualTo("followers");
        assertThat(pete.patchJson("/api/v1/accounts/update_credentials",
                "{\"source\": {\"quote_policy\": \"everyone\"}}").status()).isEqualTo(422);
    }

    @Test
    void quotersAreToldWhenTheQuotedStatusIsEdited() {
        HttpTester ruth = as("ruth");
        HttpTester sam = as("sam");
        String original = post(ruth, "first draft", "public");
        String quoting = quoteId(sam, "quoting a draft", original);
        HttpResult edited = ruth.putJson("/api/v1/statuses/" + original, "{\"status\": \"second draft\"}");
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        Await.until(() -> notifications(server, idOf("sam"), idOf("ruth"), NotificationType.QUOTED_UPDATE, original)
                == 1);
        JsonNode seen = sam.get("/api/v1/notifications?types[]=quoted_update").json();
        assertThat(seen).isNotEmpty();
        assertThat(seen.get(0).get("type").asText()).isEqualTo("quoted_update");
        assertThat(seen.get(0).get("status").get("id").asText()).isEqualTo(original);
        assertThat(sam.get("/api/v1/statuses/" + quoting).json().get("quote").get("quoted_status").get("content")
                .asText()).contains("second draft");
    }
}
