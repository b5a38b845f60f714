package social.starling.api.statuses;

import static org.assertj.core.api.Assertions.assertThat;
import static social.starling.api.statuses.InteractionTesting.links;
import static social.starling.api.statuses.InteractionTesting.notifications;
import static social.starling.api.statuses.InteractionTesting.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.db.TestSql;
import social.starling.model.NotificationType;
import social.starling.testing.ApiClient;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/** Favourites and bookmarks: marking, counts, notifications, the lists and who favourited. */
class FavouritesApiTest {
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

    @Test
    void favouritingCountsMarksAndNotifiesOnceAndUndoingWithdraws() {
        HttpTester alice = as("alice");
        HttpTester bob = as("bob");
        String id = post(alice, "favourite me", "public");

        HttpResult fav = bob.post("/api/v1/statuses/" + id + "/favourite");
        assertThat(fav.status()).as(fav.body()).isEqualTo(200);
        assertThat(fav.json().get("id").asText()).isEqualTo(id);
        assertThat(fav.json().get("favourited").asBoolean()).isTrue();
        assertThat(fav.json().get("favourites_count").asInt()).isEqualTo(1);

        HttpResult again = bob.post("/api/v1/statuses/" + id + "/favourite");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("favourites_count").asInt()).isEqualTo(1);
        assertThat(notifications(server, idOf("alice"), idOf("bob"), NotificationType.FAVOURITE, id)).isEqualTo(1);

        assertThat(bob.get("/api/v1/statuses/" + id).json().get("favourited").asBoolean()).isTrue();
        JsonNode seenByAlice = alice.get("/api/v1/statuses/" + id).json();
        assertThat(seenByAlice.get("favourited").asBoolean()).isFalse();
        assertThat(seenByAlice.get("favourites_count").asInt()).isEqualTo(1);

        HttpResult unfav = bob.post("/api/v1/statuses/" + id + "/unfavourite");
        assertThat(unfav.status()).isEqualTo(200);
        assertThat(unfav.json().get("favourited").asBoolean()).isFalse();
        assertThat(unfav.json().get("favourites_count").asInt()).isZero();
        assertThat(notifications(server, idOf("alice"), idOf("bob"), NotificationType.FAVOURITE, id)).isZero();

        HttpResult unfavAgain = bob.post("/api/v1/statuses/" + id + "/unfavourite");
        assertThat(unfavAgain.status()).isEqualTo(200);
        assertThat(unfavAgain.json().get("favourites_count").asInt()).isZero();
    }

    @Test
    void favouritingOnesOwnStatusCountsButDoesNotNotify() {
        HttpTester fay = as("fay");
        String id = post(fay, "my own", "public");
        assertThat(fay.post("/api/v1/statuses/" + id + "/favourite").json().get("favourites_count").asInt())
                .isEqualTo(1);
        assertThat(notifications(server, idOf("fay"), idOf("fay"), NotificationType.FAVOURITE, id)).isZero();
    }

    @Test
    void whatTheCallerMayNotSeeIsNotFoundAndNothingIsStored() {
        HttpTester carl = as("carl");
        HttpTester dora = as("dora");
        String hidden = post(carl, "followers only", "private");

        HttpResult fav = dora.post("/api/v1/statuses/" + hidden + "/favourite");
        assertThat(fav.status()).isEqualTo(404);
        assertThat(fav.json().get("error").asText()).isEqualTo("Record not found");
        assertThat(dora.post("/api/v1/statuses/" + hidden + "/bookmark").status()).isEqualTo(404);
        assertThat(dora.post("/api/v1/statuses/123456789/favourite").status()).isEqualTo(404);
        assertThat(dora.post("/api/v1/statuses/nope/favourite").status()).isEqualTo(404);
        assertThat(carl.get("/api/v1/statuses/" + hidden).json().get("favourites_count").asInt()).isZero();
        assertThat(notifications(server, idOf("carl"), idOf("dora"), NotificationType.FAVOURITE, hidden)).isZero();
    }

    @Test
    void scopesAndTokensAreChecked() {
        as("gus");
        HttpTester readOnly = client.as("gus", "read");
        String id = post(as("gus"), "scoped", "public");
        HttpResult noScope = readOnly.post("/api/v1/statuses/" + id + "/favourite");
        assertThat(noScope.status()).isEqualTo(403);
        assertThat(noScope.json().get("error").asText()).isEqualTo("This action is outside the authorized scopes");
        assertThat(server.http().post("/api/v1/statuses/" + id + "/favourite").status()).isEqualTo(401);
        assertThat(server.http().get("/api/v1/favourites").status()).isEqualTo(401);
        HttpTester favouritesOnly = client.as("gus", "read:favourites write:favourites");
        assertThat(favouritesOnly.post("/api/v1/statuses/" + id + "/favourite").status()).isEqualTo(200);
        assertThat(favouritesOnly.get("/api/v1/favourites").status()).isEqualTo(200);
        assertThat(favouritesOnly.get("/api/v1/bookmarks").status()).isEqualTo(403);
        assertThat(favouritesOnly.post("/api/v1/statuses/" + id + "/bookmark").status()).isEqualTo(403);
    }

    @Test
    void theFavouritesListIsNewestFavouriteFirstPagedByFavouriteIdWithLinks() {
        HttpTester hal = as("hal");
        HttpTester ida = as("ida");
        String s1 = post(hal, "one", "public");
        String s2 = post(hal, "two", "public");
        String s3 = post(hal, "three", "public");
        // Favourited in the order s3, s1, s2: the list follows the favourites, not the statuses.
        for (String id : List.of(s3, s1, s2)) {
            assertThat(ida.post("/api/v1/statuses/" + id + "/favourite").status()).isEqualTo(200);
        }
        HttpResult first = ida.get("/api/v1/favourites?limit=2");
        assertThat(first.status()).isEqualTo(200);
        assertThat(ids(first)).containsExactly(s2, s1);
        Map<String, String> link = links(first, server.baseUrl());
        assertThat(link).containsKeys("next", "prev");
        assertThat(link.get("next")).startsWith("/api/v1/favourites?").contains("limit=2").contains("max_id=");
        // The Link header names favourite ids, not status ids.
        assertThat(link.get("next")).doesNotContain("max_id=" + s1);

        HttpResult second = ida.get(link.get("next"));
        assertThat(ids(second)).containsExactly(s3);
        HttpResult back = ida.get(links(second, server.baseUrl()).get("prev"));
        assertThat(ids(back)).containsExactly(s2, s1);
        assertThat(ids(ida.get(link.get("prev")))).isEmpty();
        assertThat(ida.get("/api/v1/favourites?limit=100").json().size()).isEqualTo(3);
        assertThat(ida.get("/api/v1/favourites").json().get(0).get("favourited").asBoolean()).isTrue();
    }

    @Test
    void statusesTheCallerNoLongerSeesAreSkippedInTheList() {
        HttpTester jan = as("jan");
        HttpTester kim = as("kim");
        String janId = Long.toString(idOf("jan"));
        assertThat(kim.post("/api/v1/accounts/" + janId + "/follow").status()).isEqualTo(200);
        String secret = post(jan, "followers only", "private");
        String open = post(jan, "for everyone", "public");
        assertThat(kim.post("/api/v1/statuses/" + secret + "/favourite").status()).isEqualTo(200);
        assertThat(kim.post("/api/v1/statuses/" + open + "/favourite").status()).isEqualTo(200);
        assertThat(kim.post("/api/v1/statuses/" + secret + "/bookmark").status()).isEqualTo(200);
        assertThat(ids(kim.get("/api/v1/favourites"))).containsExactly(open, secret);

        assertThat(kim.post("/api/v1/accounts/" + janId + "/unfollow").status()).isEqualTo(200);
        HttpResult after = kim.get("/api/v1/favourites?limit=1");
        assertThat(ids(after)).containsExactly(open);
        // Paging goes on past a status that is skipped: the Link header still moves.
        HttpResult next = kim.get(links(after, server.baseUrl()).get("next"));
        assertThat(ids(next)).isEmpty();
        assertThat(next.header("Link")).isPresent();
        assertThat(ids(kim.get("/api/v1/bookmarks"))).isEmpty();

        // A favourite on what one can no longer see can still be taken back (the status itself stays hidden).
        assertThat(kim.post("/api/v1/statuses/" + secret + "/unfavourite").status()).isEqualTo(404);
        assertThat(jan.get("/api/v1/statuses/" + secret).json().get("favourites_count").asInt()).isZero();
    }

    @Test
    void bookmarksArePrivateMarksWithTheirOwnList() {
        HttpTester lea = as("lea");
        HttpTester max = as("max");
        String a = post(lea, "bookmark a", "public");
        String b = post(lea, "bookmark b", "unlisted");
        HttpResult marked = max.post("/api/v1/statuses/" + a + "/bookmark");
        assertThat(marked.status()).isEqualTo(200);
        assertThat(marked.json().get("bookmarked").asBoolean()).isTrue();
        assertThat(marked.json().get("favourited").asBoolean()).isFalse();
        assertThat(max.post("/api/v1/statuses/" + a + "/bookmark").status()).isEqualTo(200);
        assertThat(max.post("/api/v1/statuses/" + b + "/bookmark").status()).isEqualTo(200);
        assertThat(lea.get("/api/v1/statuses/" + a).json().get("bookmarked").asBoolean()).isFalse();

        HttpResult list = max.get("/api/v1/bookmarks?limit=1");
        assertThat(ids(list)).containsExactly(b);
        assertThat(ids(max.get(links(list, server.baseUrl()).get("next")))).containsExactly(a);
        assertThat(ids(lea.get("/api/v1/bookmarks"))).isEmpty();

        HttpResult unmarked = max.post("/api/v1/statuses/" + a + "/unbookmark");
        assertThat(unmarked.status()).isEqualTo(200);
        assertThat(unmarked.json().get("bookmarked").asBoolean()).isFalse();
        assertThat(ids(max.get("/api/v1/bookmarks"))).containsExactly(b);
        assertThat(max.post("/api/v1/statuses/" + a + "/unbookmark").status()).isEqualTo(200);
    }

    @Test
    void favouritedByListsAccountsNewestFirstWithPaging() {
        HttpTester ned = as("ned");
        String id = post(ned, "popular", "public");
        List<String> fans = List.of("fan1", "fan2", "fan3");
        for (String fan : fans) {
            assertThat(as(fan).post("/api/v1/statuses/" + id + "/favourite").status()).isEqualTo(200);
        }
        HttpResult first = server.http().get("/api/v1/statuses/" + id + "/favourited_by?limit=2");
        assertThat(first.status()).isEqualTo(200);
        assertThat(usernames(first)).containsExactly("fan3", "fan2");
        Map<String, String> link = links(first, server.baseUrl());
        assertThat(link.get("next")).startsWith("/api/v1/statuses/" + id + "/favourited_by?");
        assertThat(usernames(server.http().get(link.get("next")))).containsExactly("fan1");
        assertThat(usernames(server.http().get("/api/v1/statuses/" + id + "/favourited_by"))).hasSize(3);

        // A muted account is left out for the viewer who muted it (Mastodon's not_excluded_by_account).
        server.app().core().db().inTransaction(tx -> TestSql.dsl(tx).insertInto(social.starling.db.schema.Tables.MUTES)
                .set(social.starling.db.schema.Tables.MUTES.ID, server.app().core().ids().next())
                .set(social.starling.db.schema.Tables.MUTES.ACCOUNT_ID, idOf("ned"))
                .set(social.starling.db.schema.Tables.MUTES.TARGET_ACCOUNT_ID, idOf("fan2"))
                .set(social.starling.db.schema.Tables.MUTES.CREATED_AT, java.time.Instant.now())
                .execute());
        server.app().statuses().relations().evict(idOf("ned"));
        assertThat(usernames(ned.get("/api/v1/statuses/" + id + "/favourited_by"))).containsExactly("fan3", "fan1");

        String hidden = post(ned, "followers only", "private");
        assertThat(server.http().get("/api/v1/statuses/" + hidden + "/favourited_by").status()).isEqualTo(404);
        assertThat(ned.get("/api/v1/statuses/" + hidden + "/favourited_by").json().size()).isZero();
    }

    static List<String> ids(HttpResult r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().findValuesAsText("id").isEmpty() ? List.of()
                : java.util.stream.StreamSupport.stream(r.json().spliterator(), false)
                .map(n -> n.get("id").asText()).toList();
    }

    static List<String> usernames(HttpResult r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return java.util.stream.StreamSupport.stream(r.json().spliterator(), false)
                .map(n -> n.get("username").asText()).toList();
    }
}
