package social.starling.api.statuses;

import static org.assertj.core.api.Assertions.assertThat;
import static social.starling.api.statuses.VisibilityMatrixTest.Outcome.ABSENT;
import static social.starling.api.statuses.VisibilityMatrixTest.Outcome.NOT_FOUND;
import static social.starling.api.statuses.VisibilityMatrixTest.Outcome.SHOWN;
import static social.starling.api.statuses.VisibilityMatrixTest.Outcome.UNAUTHORIZED;
import static social.starling.api.statuses.VisibilityMatrixTest.Surface.ACCOUNT_STATUSES;
import static social.starling.api.statuses.VisibilityMatrixTest.Surface.BY_ID;
import static social.starling.api.statuses.VisibilityMatrixTest.Surface.CONTEXT;
import static social.starling.api.statuses.VisibilityMatrixTest.Surface.CONVERSATIONS;
import static social.starling.api.statuses.VisibilityMatrixTest.Surface.HOME;
import static social.starling.api.statuses.VisibilityMatrixTest.Surface.HOME_REBUILT;
import static social.starling.api.statuses.VisibilityMatrixTest.Surface.NOTIFICATIONS;
import static social.starling.api.statuses.VisibilityMatrixTest.Surface.PUBLIC;
import static social.starling.api.statuses.VisibilityMatrixTest.Surface.PUBLIC_LOCAL;
import static social.starling.api.statuses.VisibilityMatrixTest.Surface.TAG;
import static social.starling.api.statuses.VisibilityMatrixTest.Surface.TAG_LOCAL;
import static social.starling.api.statuses.VisibilityMatrixTest.Viewer.ANONYMOUS;
import static social.starling.api.statuses.VisibilityMatrixTest.Viewer.AUTHOR;
import static social.starling.api.statuses.VisibilityMatrixTest.Viewer.BLOCKED;
import static social.starling.api.statuses.VisibilityMatrixTest.Viewer.FOLLOWER;
import static social.starling.api.statuses.VisibilityMatrixTest.Viewer.MENTIONED;
import static social.starling.api.statuses.VisibilityMatrixTest.Viewer.MENTIONED_FOLLOWER;
import static social.starling.api.statuses.VisibilityMatrixTest.Viewer.MENTIONED_MUTER;
import static social.starling.api.statuses.VisibilityMatrixTest.Viewer.MUTING_FOLLOWER;
import static social.starling.api.statuses.VisibilityMatrixTest.Viewer.STRANGER;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.model.Visibility;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * Who sees which status where, through the client API, as Mastodon decides it. The author posts a public thread
 * root, then one reply to it in each visibility, each mentioning {@code @mentioned}, {@code @mentionedfollower} and
 * {@code @mutedmention} and tagged {@code #vismatrix}. Every viewer then looks at every surface, and
 * {@link #EXPECTED} says, for each visibility, whether the status must be there, must not be, or what error the
 * surface answers.
 *
 * <p>The sources for the table (mastodon/mastodon):
 * <ul>
 * <li>home: FanOutOnWriteService#fan_out_to_local_recipients! — the author always (deliver_to_self!); followers
 *     for public, unlisted and private; for direct only mentioned accounts that also follow the author
 *     (deliver_to_mentioned_followers! merges followers_for_local_distribution), so a mentioned non-follower finds a
 *     direct or private mention in notifications, not in home. FeedManager#filter_from_home? drops what the
 *     follower mutes. A feed rebuilt after inactivity must hold the same (HomeFeedService's contract; Mastodon's
 *     FeedManager#populate_home would lose the direct mentions of followers, which Starling does not copy).</li>
 * <li>public and hashtag timelines: PublicFeed / TagFeed take public statuses only (self-replies stay on the
 *     public timeline) and leave out accounts the viewer blocks, is blocked by, or mutes.</li>
 * <li>by id: StatusPolicy#show? — direct needs a mention; private a follow or a mention; public and unlisted
 *     anyone but someone the author blocks. Muting does not hide a status opened by id.</li>
 * <li>context: StatusesController#context 404s when the root cannot be seen; Status::ThreadingConcern filters
 *     the descendants with StatusFilter, which is StatusPolicy#show? plus blocking and muting of the author —
 *     so, unlike a status opened by id, a muted author's replies are not listed.</li>
 * <li>account statuses: AccountStatusesFilter — visitors public and unlisted; followers also private; any status
 *     that mentions the viewer; nothing for someone the author blocks. Muting does not filter originals.</li>
 * <li>notifications: FanOutOnWriteService#notify_mentioned_accounts! and NotifyService — a mention notification
 *     for each local mentioned account, dismissed when the recipient mutes the author (notifications hidden by
 *     default). Mastodon 4.3's default policy would put a direct mention from someone the recipient does not follow
 *     into notification requests (filter_private_mentions); Starling's policy accepts everything for now (see
 *     NotificationPolicy.DEFAULT), so the table expects the notification in the list.</li>
 * <li>conversations: only direct statuses; the author's own thread (deliver_to_conversation!), and a recipient's
 *     only together with a mention notification that was not dismissed (NotifyService#push_to_conversation!).</li>
 * </ul>
 */
class VisibilityMatrixTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    static final String TAG_NAME = "vismatrix";

    /** The people looking. Usernames are fixed so the statuses can mention them. */
    enum Viewer {
        AUTHOR("author"),
        /** follows the author (accepted: the author's account is not locked) */
        FOLLOWER("follower"),
        /** neither follows nor is mentioned */
        STRANGER("stranger"),
        /** mentioned in every status, does not follow */
        MENTIONED("mentioned"),
        /** follows the author and is mentioned in every status */
        MENTIONED_FOLLOWER("mentionedfollower"),
        /** blocked by the author */
        BLOCKED("blocked"),
        /** follows the author and mutes them (notifications too), not mentioned */
        MUTING_FOLLOWER("mutingfollower"),
        /** mentioned in every status, does not follow, mutes the author (notifications too) */
        MENTIONED_MUTER("mutedmention"),
        /** no token */
        ANONYMOUS(null);

        final String username;

        Viewer(String username) {
            this.username = username;
        }
    }

    enum Surface {
        HOME,
        /** the home timeline read right after the feed was marked stale, so it is rebuilt from the follow graph */
        HOME_REBUILT,
        PUBLIC, PUBLIC_LOCAL, TAG, TAG_LOCAL, CONTEXT, ACCOUNT_STATUSES, BY_ID, NOTIFICATIONS,
        /** the last status of each direct-message thread */
        CONVERSATIONS
    }

    enum Outcome {
        /** listed (or answered, by id) */
        SHOWN,
        /** the surface answers 200 without it */
        ABSENT,
        /** the surface answers 404 */
        NOT_FOUND,
        /** the surface answers 401 */
        UNAUTHORIZED
    }

    record Row(Viewer viewer, Set<Surface> surfaces, Map<Visibility, Outcome> outcomes) {
    }

    static final Set<Surface> PUBLIC_FEEDS = EnumSet.of(PUBLIC, PUBLIC_LOCAL, TAG, TAG_LOCAL);
    /** A rebuilt feed holds what fan-out put there (HomeFeedService: "the same rules fan-out applies"). */
    static final Set<Surface> HOME_FEED = EnumSet.of(HOME, HOME_REBUILT);

    /** Columns: public, unlisted, private, direct. */
    static final List<Row> EXPECTED = List.of(
            //  viewer             surfaces          public     unlisted   private    direct
            row(AUTHOR,             HOME_FEED,        SHOWN,     SHOWN,     SHOWN,     SHOWN),
            row(AUTHOR,             PUBLIC_FEEDS,     SHOWN,     ABSENT,    ABSENT,    ABSENT),
            row(AUTHOR,             CONTEXT,          SHOWN,     SHOWN,     SHOWN,     SHOWN),
            row(AUTHOR,             ACCOUNT_STATUSES, SHOWN,     SHOWN,     SHOWN,     SHOWN),
            row(AUTHOR,             BY_ID,            SHOWN,     SHOWN,     SHOWN,     SHOWN),
            row(AUTHOR,             NOTIFICATIONS,    ABSENT,    ABSENT,    ABSENT,    ABSENT),
            row(AUTHOR,             CONVERSATIONS,    ABSENT,    ABSENT,    ABSENT,    SHOWN),

            row(FOLLOWER,           HOME_FEED,        SHOWN,     SHOWN,     SHOWN,     ABSENT),
            row(FOLLOWER,           PUBLIC_FEEDS,     SHOWN,     ABSENT,    ABSENT,    ABSENT),
            row(FOLLOWER,           CONTEXT,          SHOWN,     SHOWN,     SHOWN,     ABSENT),
            row(FOLLOWER,           ACCOUNT_STATUSES, SHOWN,     SHOWN,     SHOWN,     ABSENT),
            row(FOLLOWER,           BY_ID,            SHOWN,     SHOWN,     SHOWN,     NOT_FOUND),
            row(FOLLOWER,           NOTIFICATIONS,    ABSENT,    ABSENT,    ABSENT,    ABSENT),
            row(FOLLOWER,           CONVERSATIONS,    ABSENT,    ABSENT,    ABSENT,    ABSENT),

            row(STRANGER,           HOME_FEED,        ABSENT,    ABSENT,    ABSENT,    ABSENT),
            row(STRANGER,           PUBLIC_FEEDS,     SHOWN,     ABSENT,    ABSENT,    ABSENT),
            row(STRANGER,           CONTEXT,          SHOWN,     SHOWN,     ABSENT,    ABSENT),
            row(STRANGER,           ACCOUNT_STATUSES, SHOWN,     SHOWN,     ABSENT,    ABSENT),
            row(STRANGER,           BY_ID,            SHOWN,     SHOWN,     NOT_FOUND, NOT_FOUND),
            row(STRANGER,           NOTIFICATIONS,    ABSENT,    ABSENT,    ABSENT,    ABSENT),
            row(STRANGER,           CONVERSATIONS,    ABSENT,    ABSENT,    ABSENT,    ABSENT),

            row(MENTIONED,          HOME_FEED,        ABSENT,    ABSENT,    ABSENT,    ABSENT),
            row(MENTIONED,          PUBLIC_FEEDS,     SHOWN,     ABSENT,    ABSENT,    ABSENT),
            row(MENTIONED,          CONTEXT,          SHOWN,     SHOWN,     SHOWN,     SHOWN),
            row(MENTIONED,          ACCOUNT_STATUSES, SHOWN,     SHOWN,     SHOWN,     SHOWN),
            row(MENTIONED,          BY_ID,            SHOWN,     SHOWN,     SHOWN,     SHOWN),
            row(MENTIONED,          NOTIFICATIONS,    SHOWN,     SHOWN,     SHOWN,     SHOWN),
            row(MENTIONED,          CONVERSATIONS,    ABSENT,    ABSENT,    ABSENT,    SHOWN),

            row(MENTIONED_FOLLOWER, HOME_FEED,        SHOWN,     SHOWN,     SHOWN,     SHOWN),
            row(MENTIONED_FOLLOWER, PUBLIC_FEEDS,     SHOWN,     ABSENT,    ABSENT,    ABSENT),
            row(MENTIONED_FOLLOWER, CONTEXT,          SHOWN,     SHOWN,     SHOWN,     SHOWN),
            row(MENTIONED_FOLLOWER, ACCOUNT_STATUSES, SHOWN,     SHOWN,     SHOWN,     SHOWN),
            row(MENTIONED_FOLLOWER, BY_ID,            SHOWN,     SHOWN,     SHOWN,     SHOWN),
            row(MENTIONED_FOLLOWER, NOTIFICATIONS,    SHOWN,     SHOWN,     SHOWN,     SHOWN),
            row(MENTIONED_FOLLOWER, CONVERSATIONS,    ABSENT,    ABSENT,    ABSENT,    SHOWN),

            row(BLOCKED,            HOME_FEED,        ABSENT,    ABSENT,    ABSENT,    ABSENT),
            row(BLOCKED,            PUBLIC_FEEDS,     ABSENT,    ABSENT,    ABSENT,    ABSENT),
            row(BLOCKED,            CONTEXT,          NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND),
            row(BLOCKED,            ACCOUNT_STATUSES, ABSENT,    ABSENT,    ABSENT,    ABSENT),
            row(BLOCKED,            BY_ID,            NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND),
            row(BLOCKED,            NOTIFICATIONS,    ABSENT,    ABSENT,    ABSENT,    ABSENT),
            row(BLOCKED,            CONVERSATIONS,    ABSENT,    ABSENT,    ABSENT,    ABSENT),

            row(MUTING_FOLLOWER,    HOME_FEED,        ABSENT,    ABSENT,    ABSENT,    ABSENT),
            row(MUTING_FOLLOWER,    PUBLIC_FEEDS,     ABSENT,    ABSENT,    ABSENT,    ABSENT),
            row(MUTING_FOLLOWER,    CONTEXT,          ABSENT,    ABSENT,    ABSENT,    ABSENT),
            row(MUTING_FOLLOWER,    ACCOUNT_STATUSES, SHOWN,     SHOWN,     SHOWN,     ABSENT),
            row(MUTING_FOLLOWER,    BY_ID,            SHOWN,     SHOWN,     SHOWN,     NOT_FOUND),
            row(MUTING_FOLLOWER,    NOTIFICATIONS,    ABSENT,    ABSENT,    ABSENT,    ABSENT),
            row(MUTING_FOLLOWER,    CONVERSATIONS,    ABSENT,    ABSENT,    ABSENT,    ABSENT),

            row(MENTIONED_MUTER,    HOME_FEED,        ABSENT,    ABSENT,    ABSENT,    ABSENT),
            row(MENTIONED_MUTER,    PUBLIC_FEEDS,     ABSENT,    ABSENT,    ABSENT,    ABSENT),
            row(MENTIONED_MUTER,    CONTEXT,          ABSENT,    ABSENT,    ABSENT,    ABSENT),
            row(MENTIONED_MUTER,    ACCOUNT_STATUSES, SHOWN,     SHOWN,     SHOWN,     SHOWN),
            row(MENTIONED_MUTER,    BY_ID,            SHOWN,     SHOWN,     SHOWN,     SHOWN),
            row(MENTIONED_MUTER,    NOTIFICATIONS,    ABSENT,    ABSENT,    ABSENT,    ABSENT),
            row(MENTIONED_MUTER,    CONVERSATIONS,    ABSENT,    ABSENT,    ABSENT,    ABSENT),

            row(ANONYMOUS,          HOME_FEED,        UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED),
            row(ANONYMOUS,          PUBLIC_FEEDS,     SHOWN,     ABSENT,    ABSENT,    ABSENT),
            row(ANONYMOUS,          CONTEXT,          SHOWN,     SHOWN,     ABSENT,    ABSENT),
            row(ANONYMOUS,          ACCOUNT_STATUSES, SHOWN,     SHOWN,     ABSENT,    ABSENT),
            row(ANONYMOUS,          BY_ID,            SHOWN,     SHOWN,     NOT_FOUND, NOT_FOUND),
            row(ANONYMOUS,          NOTIFICATIONS,    UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED),
            row(ANONYMOUS,          CONVERSATIONS,    UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED));

    static final Map<Viewer, HttpTester> as = new EnumMap<>(Viewer.class);
    static final Map<Visibility, String> statusIds = new EnumMap<>(Visibility.class);
    static final Map<Viewer, Long> accountIds = new EnumMap<>(Viewer.class);
    static long authorId;
    static String rootId;

    @BeforeAll
    static void setUp() {
        ApiClient client = ApiClient.register(server.http(), "read write follow");
        Map<Viewer, Long> ids = accountIds;
        for (Viewer v : Viewer.values()) {
            if (v == ANONYMOUS) {
                as.put(v, server.http());
            } else {
                ids.put(v, server.fixtures().account(v.username).id());
                as.put(v, client.as(v.username, "read write follow"));
            }
        }
        authorId = ids.get(AUTHOR);
        String author = "/api/v1/accounts/" + authorId;
        // The matrix is about visibility, not notification policies: nobody filters private mentions from strangers
        // here (Mastodon's default does; NotificationRequestsApiTest covers it).
        for (Viewer v : Viewer.values()) {
            if (v != ANONYMOUS) {
                ok(as.get(v).patchJson("/api/v2/notifications/policy", "{\"for_private_mentions\": \"accept\"}"));
            }
        }
        ok(as.get(FOLLOWER).post(author + "/follow"));
        ok(as.get(MENTIONED_FOLLOWER).post(author + "/follow"));
        ok(as.get(MUTING_FOLLOWER).post(author + "/follow"));
        ok(as.get(MUTING_FOLLOWER).post(author + "/mute"));
        ok(as.get(MENTIONED_MUTER).post(author + "/mute"));
        ok(as.get(AUTHOR).post("/api/v1/accounts/" + ids.get(BLOCKED) + "/block"));
        assertThat(as.get(FOLLOWER).get("/api/v1/accounts/relationships?id[]=" + authorId).json().get(0)
                .get("following").asBoolean()).as("the follow is accepted").isTrue();

        rootId = post("thread root #" + TAG_NAME, "public", null);
        for (Visibility v : Visibility.values()) {
            statusIds.put(v, post("@mentioned @mentionedfollower @mutedmention " + v.wireName() + " reply #" + TAG_NAME,
                    v.wireName(), rootId));
        }
        // Distribution runs as a job: one transaction per status makes its feed entries and its notifications,
        // so once every mention notification is there, nothing more will arrive and absence means absence.
        Await.until(() -> mentionNotifications(as.get(MENTIONED)).containsAll(statusIds.values()));
    }

    /** One container per viewer, one per surface inside, one test per visibility: 8 × 9 × 4 cases. */
    @TestFactory
    Stream<DynamicNode> matrix() {
        return EXPECTED.stream().flatMap(row -> row.surfaces().stream().map(surface -> DynamicContainer
                .dynamicContainer(name(row.viewer()) + " · " + name(surface), row.outcomes().entrySet().stream()
                        .map(e -> DynamicTest.dynamicTest(e.getKey().wireName() + " → " + name(e.getValue()),
                                () -> check(row.viewer(), surface, e.getKey(), e.getValue()))))));
    }

    @TestFactory
    Stream<DynamicNode> tableCoversEveryViewerAndSurfaceOnce() {
        return Stream.of(DynamicTest.dynamicTest("every (viewer, surface) has exactly one row", () -> {
            List<String> covered = new ArrayList<>();
            EXPECTED.forEach(r -> r.surfaces().forEach(s -> covered.add(r.viewer() + "/" + s)));
            List<String> all = new ArrayList<>();
            for (Viewer v : Viewer.values()) {
                for (Surface s : Surface.values()) {
                    all.add(v + "/" + s);
                }
            }
            assertThat(covered).containsExactlyInAnyOrderElementsOf(all);
            EXPECTED.forEach(r -> assertThat(r.outcomes()).containsOnlyKeys(Visibility.values()));
        }));
    }

    /** Looks at one surface as one viewer and checks the status of one visibility against the table. */
    static void check(Viewer viewer, Surface surface, Visibility visibility, Outcome expected) {
        HttpTester http = as.get(viewer);
        String id = statusIds.get(visibility);
        if (surface == HOME_REBUILT && viewer != ANONYMOUS) {
            markFeedStale(accountIds.get(viewer));
        }
        if (surface == BY_ID) {
            HttpResult r = http.get("/api/v1/statuses/" + id);
            assertThat(outcomeOf(r, r.status() == 200 && id.equals(r.json().get("id").asText())))
                    .as("%s GET /api/v1/statuses/:id of the %s status: %s", viewer, visibility.wireName(), r)
                    .isEqualTo(expected);
            if (r.status() == 200) {
                assertThat(r.json().get("visibility").asText()).isEqualTo(visibility.wireName());
            }
            return;
        }
        HttpResult r = http.get(path(surface));
        List<JsonNode> listed = new ArrayList<>();
        if (r.status() == 200) {
            JsonNode body = r.json();
            if (surface == CONTEXT) {
                assertThat(ids(body.get("ancestors"))).as("ancestors of the root").isEmpty();
                body.get("descendants").forEach(listed::add);
            } else if (surface == CONVERSATIONS) {
                body.forEach(c -> listed.add(c.get("last_status")));
            } else if (surface == NOTIFICATIONS) {
                body.forEach(n -> {
                    assertThat(n.get("account").get("id").asText()).as("from the author: %s", n)
                            .isEqualTo(Long.toString(authorId));
                    listed.add(n.get("status"));
                });
            } else {
                body.forEach(listed::add);
            }
        } else {
            assertThat(r.json().has("error")).as("Mastodon's error body: %s", r).isTrue();
        }
        List<String> listedIds = ids(listed);
        assertThat(outcomeOf(r, listedIds.contains(id)))
                .as("%s %s, the %s status; listed: %s; response: %s", viewer, path(surface),
                        visibility.wireName(), listedIds, r)
                .isEqualTo(expected);
        assertThat(listedIds).as("listed at most once").doesNotHaveDuplicates();
        listed.stream().filter(s -> s.get("id").asText().equals(id)).forEach(s ->
                assertThat(s.get("visibility").asText()).isEqualTo(visibility.wireName()));
    }

    static Outcome outcomeOf(HttpResult r, boolean present) {
        return switch (r.status()) {
            case 200 -> present ? SHOWN : ABSENT;
            case 401 -> UNAUTHORIZED;
            case 404 -> NOT_FOUND;
            default -> throw new AssertionError("unexpected answer: " + r);
        };
    }

    static String path(Surface surface) {
        return switch (surface) {
            case HOME, HOME_REBUILT -> "/api/v1/timelines/home?limit=40";
            case PUBLIC -> "/api/v1/timelines/public?limit=40";
            case PUBLIC_LOCAL -> "/api/v1/timelines/public?local=true&limit=40";
            case TAG -> "/api/v1/timelines/tag/" + TAG_NAME + "?limit=40";
            case TAG_LOCAL -> "/api/v1/timelines/tag/" + TAG_NAME + "?local=true&limit=40";
            case CONTEXT -> "/api/v1/statuses/" + rootId + "/context";
            case ACCOUNT_STATUSES -> "/api/v1/accounts/" + authorId + "/statuses?limit=40";
            case NOTIFICATIONS -> "/api/v1/notifications?types[]=mention&limit=40";
            case CONVERSATIONS -> "/api/v1/conversations?limit=40";
            case BY_ID -> throw new IllegalArgumentException("one path per status");
        };
    }

    /** As the inactive-feed job does (HomeFeedService#markInactiveStale): the next read rebuilds the feed. */
    static void markFeedStale(long accountId) {
        var app = server.app();
        app.core().db().inTransaction(tx -> {
            app.repos().feeds().clear(tx, accountId);
            app.repos().feeds().setStale(tx, accountId, true);
            return null;
        });
    }

    static List<String> mentionNotifications(HttpTester http) {
        HttpResult r = http.get("/api/v1/notifications?types[]=mention&limit=40");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        r.json().forEach(n -> out.add(n.get("status").get("id").asText()));
        return out;
    }

    static String post(String text, String visibility, String inReplyTo) {
        HttpResult r = as.get(AUTHOR).postJson("/api/v1/statuses", "{\"status\": \"" + text
                + "\", \"visibility\": \"" + visibility + "\""
                + (inReplyTo == null ? "" : ", \"in_reply_to_id\": \"" + inReplyTo + "\"") + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("visibility").asText()).isEqualTo(visibility);
        return r.json().get("id").asText();
    }

    static void ok(HttpResult r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    static List<String> ids(Iterable<JsonNode> statuses) {
        List<String> out = new ArrayList<>();
        statuses.forEach(s -> out.add(s.get("id").asText()));
        return out;
    }

    static Row row(Viewer viewer, Surface surface, Outcome pub, Outcome unlisted, Outcome priv, Outcome direct) {
        return row(viewer, EnumSet.of(surface), pub, unlisted, priv, direct);
    }

    static Row row(Viewer viewer, Set<Surface> surfaces, Outcome pub, Outcome unlisted, Outcome priv,
                   Outcome direct) {
        Map<Visibility, Outcome> outcomes = new EnumMap<>(Visibility.class);
        outcomes.put(Visibility.PUBLIC, pub);
        outcomes.put(Visibility.UNLISTED, unlisted);
        outcomes.put(Visibility.PRIVATE, priv);
        outcomes.put(Visibility.DIRECT, direct);
        return new Row(viewer, surfaces, outcomes);
    }

    static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
