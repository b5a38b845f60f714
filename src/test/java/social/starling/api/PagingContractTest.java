package social.starling.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static social.starling.db.schema.Tables.ACCOUNT_CONVERSATIONS;
import static social.starling.db.schema.Tables.FEED_ENTRIES;
import static social.starling.db.schema.Tables.NOTIFICATIONS;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.jooq.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.db.TestSql;
import social.starling.testing.ApiClient;
import social.starling.testing.Await;
import social.starling.testing.HttpResult;
import social.starling.testing.HttpTester;
import social.starling.testing.TestApp;

/**
 * Mastodon's paging contract on every paginated list Starling serves, one case per endpoint, through real HTTP.
 *
 * <p>The contract, from Mastodon's docs (api/guidelines.md#pagination, each method page's {@code limit}) and its
 * controllers (next_path, prev_path, records_continue? and Api::BaseController#limit_param):
 * <ul>
 * <li>items come newest first; {@code limit} has a default and a maximum per endpoint, and a negative one counts
 *     as its absolute value ({@code params[:limit].to_i.abs});
 * <li>a page with items has a {@code Link} header: {@code rel="next"} to older items by {@code max_id} = the last
 *     item's paging id, and {@code rel="prev"} to newer ones by {@code min_id} = the first item's, both absolute,
 *     on the same path, with the request's other parameters (never a query {@code access_token});
 * <li>timelines and notifications link {@code next} from every page with items (Timelines::BaseController,
 *     NotificationsController), so walking them ends on an empty page; every other list links {@code next} only
 *     from a full page (records_continue?), so walking it ends on the short last page, or on an empty page after
 *     an exactly full one;
 * <li>an empty page has no {@code Link} header;
 * <li>{@code max_id} excludes its item, {@code since_id} gives the newest items above it, {@code min_id} the items
 *     right above it (still newest first); {@code min_id} wins over {@code since_id}.
 * </ul>
 * Starling's own choices, pinned here: {@code min_id} works on every list and every prev link uses it (some of
 * Mastodon's account lists ignore {@code min_id} and link prev by {@code since_id}); {@code limit=0} is a page of
 * one (Mastodon answers an empty page, or a 500 where it links by records_continue?), except on a list's members
 * where it means all of them, as on Mastodon; a {@code limit} that is not a number is a 400 (Mastodon reads it
 * as 0).
 */
class PagingContractTest {
    @RegisterExtension
    static TestApp server = TestApp.create();

    /** Items every case starts with: enough for three pages of two. */
    static final int FEW = 5;
    /** Local accounts that follow, favourite, request...: one more than the largest account-list maximum. */
    static final int POOL = 81;
    static final String SCOPES = "read write follow";

    static ApiClient client;
    static final List<Session> pool = new ArrayList<>();
    static final List<TestApp> ownServers = new ArrayList<>();

    /** When a page links rel="next". */
    enum Next {
        /** Whenever it has items: timelines and notifications. */
        EVERY_PAGE,
        /** Only when it is full (records_continue?): every other list. */
        FULL_PAGE
    }

    /** A signed-in local account. */
    record Session(String id, String token, HttpTester http) {
    }

    /**
     * An endpoint set up for one viewer (anonymous for public lists): its path (with any filter parameters, which
     * links must keep), the ids of a response's items, and {@code grow(n)}: adds items until there are n and
     * answers all their ids, newest first (in the endpoint's order). {@code token} is valid on the viewer's server,
     * for a request that passes it in the query.
     */
    record Subject(HttpTester viewer, String token, Supplier<String> path, Function<JsonNode, List<String>> items,
                   IntFunction<List<String>> grow) {
    }

    /**
     * One paginated endpoint. {@code pagedByItemId}: the Link carries the items' own ids (else an internal id: a
     * favourite's, a follow's...); {@code zeroIsAll}: {@code limit=0} lists everything without Link.
     */
    record Case(String name, Next next, int defaultLimit, int maxLimit, boolean pagedByItemId, boolean zeroIsAll,
                Supplier<Subject> open) {
        static Case of(String name, Next next, int defaultLimit, int maxLimit, boolean pagedByItemId,
                       Supplier<Subject> open) {
            return new Case(name, next, defaultLimit, maxLimit, pagedByItemId, false, open);
        }
    }

    @BeforeAll
    static void pool() throws Exception {
        client = ApiClient.register(server.http(), SCOPES);
        // Account creation hashes a password: two at a time, as the hasher allows on a small machine.
        try (var executor = Executors.newFixedThreadPool(2)) {
            List<Future<Session>> made = new ArrayList<>();
            for (int i = 0; i < POOL; i++) {
                String name = "pool%02d".formatted(i);
                made.add(executor.submit(() -> session(server, name)));
            }
            for (var f : made) {
                pool.add(f.get());
            }
        }
        pool.sort(Comparator.comparingLong(p -> Long.parseLong(p.id()))); // oldest account first
    }

    @AfterAll
    static void stopOwnServers() {
        ownServers.forEach(TestApp::stop);
    }

    static List<Case> cases() {
        return List.of(
                Case.of("GET /api/v1/timelines/home", Next.EVERY_PAGE, 20, 40, true, PagingContractTest::home),
                Case.of("GET /api/v1/timelines/public", Next.EVERY_PAGE, 20, 40, true,
                        () -> publicTimeline("/api/v1/timelines/public")),
                Case.of("GET /api/v1/timelines/public?local=true", Next.EVERY_PAGE, 20, 40, true,
                        () -> publicTimeline("/api/v1/timelines/public?local=true")),
                Case.of("GET /api/v1/timelines/tag/:hashtag", Next.EVERY_PAGE, 20, 40, true,
                        PagingContractTest::tagTimeline),
                Case.of("GET /api/v1/timelines/list/:id", Next.EVERY_PAGE, 20, 40, true,
                        PagingContractTest::listTimeline),
                Case.of("GET /api/v1/accounts/:id/statuses", Next.FULL_PAGE, 20, 40, true,
                        PagingContractTest::accountStatuses),
                Case.of("GET /api/v1/accounts/:id/followers", Next.FULL_PAGE, 40, 80, false,
                        PagingContractTest::followers),
                Case.of("GET /api/v1/accounts/:id/following", Next.FULL_PAGE, 40, 80, false,
                        PagingContractTest::following),
                Case.of("GET /api/v1/blocks", Next.FULL_PAGE, 40, 80, false,
                        () -> ownerActsOnPool("oblocks", "/api/v1/blocks", "block")),
                Case.of("GET /api/v1/mutes", Next.FULL_PAGE, 40, 80, false,
                        () -> ownerActsOnPool("omutes", "/api/v1/mutes", "mute")),
                Case.of("GET /api/v1/endorsements", Next.FULL_PAGE, 40, 80, false,
                        PagingContractTest::endorsements),
                Case.of("GET /api/v1/domain_blocks", Next.FULL_PAGE, 100, 200, false,
                        PagingContractTest::domainBlocks),
                Case.of("GET /api/v1/follow_requests", Next.FULL_PAGE, 40, 80, false,
                        PagingContractTest::followRequests),
                Case.of("GET /api/v1/favourites", Next.FULL_PAGE, 20, 40, false,
                        () -> ownStatusesMarked("ofavs", "/api/v1/favourites", "favourite")),
                Case.of("GET /api/v1/bookmarks", Next.FULL_PAGE, 20, 40, false,
                        () -> ownStatusesMarked("obookmarks", "/api/v1/bookmarks", "bookmark")),
                Case.of("GET /api/v1/statuses/:id/favourited_by", Next.FULL_PAGE, 40, 80, false,
                        () -> poolActsOnStatus("ofavedby", "favourited_by", "favourite")),
                Case.of("GET /api/v1/statuses/:id/reblogged_by", Next.FULL_PAGE, 40, 80, false,
                        () -> poolActsOnStatus("orebloggedby", "reblogged_by", "reblog")),
                Case.of("GET /api/v1/notifications", Next.EVERY_PAGE, 40, 80, true,
                        PagingContractTest::notifications),
                Case.of("GET /api/v2/notifications", Next.EVERY_PAGE, 40, 80, true,
                        PagingContractTest::groupedNotifications),
                Case.of("GET /api/v2/notifications/:group_key/accounts", Next.FULL_PAGE, 40, 80, false,
                        PagingContractTest::groupAccounts),
                Case.of("GET /api/v1/conversations", Next.FULL_PAGE, 20, 40, true,
                        PagingContractTest::conversations),
                new Case("GET /api/v1/lists/:id/accounts", Next.FULL_PAGE, 40, 80, true, true,
                        PagingContractTest::listAccounts),
                Case.of("GET /api/v1/followed_tags", Next.FULL_PAGE, 100, 200, false,
                        PagingContractTest::followedTags),
                Case.of("GET /api/v1/scheduled_statuses", Next.FULL_PAGE, 20, 40, true,
                        PagingContractTest::scheduledStatuses));
    }

    @TestFactory
    Stream<DynamicContainer> everyPaginatedList() {
        return cases().stream().map(c -> {
            Run run = new Run(c);
            return dynamicContainer(c.name(), Stream.of(
                    dynamicTest("an empty list is [] without a Link header", () -> emptyList(run)),
                    dynamicTest("newest first; limit=2 gives two items and Links next (max_id) and prev (min_id)",
                            () -> firstPage(run)),
                    dynamicTest("following next walks every item once, in order, and stops as Mastodon does",
                            () -> walkNext(run)),
                    dynamicTest("following prev walks back to the newest item", () -> walkPrev(run)),
                    dynamicTest("max_id excludes its item; since_id gives the newest above it, min_id the next ones",
                            () -> bounds(run)),
                    dynamicTest("a query access_token stays out of the Link header", () -> tokenNotLinked(run)),
                    dynamicTest("limit: default, maximum, negative, zero and junk", () -> limits(run))));
        });
    }

    /** Lists that are empty for this viewer (no requests, no endorsements): [] without a Link header. */
    @TestFactory
    Stream<DynamicTest> listsThatAreAlwaysEmpty() {
        return Stream.of("/api/v1/notifications/requests", "/api/v1/accounts/%s/endorsements").map(path -> dynamicTest("GET " + path, () -> {
                    Session viewer = pool.getFirst();
                    HttpResult r = viewer.http().get(path.formatted(viewer.id()) + "?limit=2");
                    assertThat(r.status()).as(r.toString()).isEqualTo(200);
                    assertThat(r.json().isArray()).isTrue();
                    assertThat(r.json()).isEmpty();
                    assertThat(r.header("Link")).isEmpty();
                }));
    }

    // ---- the checks --------------------------------------------------------------------------------------------

    static void emptyList(Run run) {
        Subject s = run.subject();
        Page page = get(run, s.path().get());
        assertThat(page.items()).isEmpty();
        assertThat(page.raw().header("Link")).as("Link of an empty list").isEmpty();
        assertThat(get(run, with(s.path().get(), "limit=2")).raw().header("Link")).isEmpty();
    }

    static void firstPage(Run run) {
        List<String> ids = run.ready();
        String path = run.subject().path().get();
        Page all = get(run, path);
        assertThat(all.items()).containsExactlyElementsOf(ids);
        checkLinks(run, all);

        Page two = get(run, with(path, "limit=2"));
        assertThat(two.items()).containsExactlyElementsOf(ids.subList(0, 2));
        assertThat(two.next()).as("rel=next").isNotNull();
        assertThat(two.prev()).as("rel=prev").isNotNull();
        assertThat(param(two.next(), "max_id")).isEqualTo(run.pid(ids.get(1)));
        assertThat(param(two.prev(), "min_id")).isEqualTo(run.pid(ids.get(0)));
        checkLinks(run, two);
    }

    static void walkNext(Run run) {
        List<String> ids = run.ready();
        String path = run.subject().path().get();
        boolean every = run.c.next() == Next.EVERY_PAGE;
        // 5 items by 2: a short last page, which ends the walk unless every page links next.
        assertThat(walk(run, with(path, "limit=2"), ids)).containsExactlyElementsOf(every
                ? List.of(2, 2, 1, 0) : List.of(2, 2, 1));
        // 5 items by 5: an exactly full last page links next, to an empty page without Link.
        assertThat(walk(run, with(path, "limit=5"), ids)).containsExactly(5, 0);
        assertThat(walk(run, with(path, "limit=1"), ids)).containsExactly(1, 1, 1, 1, 1, 0);
    }

    /** Follows next links from url; checks that the pages hold every item once, in order; answers page sizes. */
    static List<Integer> walk(Run run, String url, List<String> ids) {
        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String next = url;
        while (next != null) {
            assertThat(sizes.size()).as("pages walked from " + url).isLessThan(ids.size() + 2);
            Page page = get(run, next);
            checkLinks(run, page);
            seen.addAll(page.items());
            sizes.add(page.items().size());
            next = page.next();
        }
        assertThat(seen).as("items walked from " + url).containsExactlyElementsOf(ids);
        return sizes;
    }

    static void walkPrev(Run run) {
        List<String> ids = run.ready();
        List<List<String>> pages = new ArrayList<>();
        String url = with(run.subject().path().get(), "limit=2&max_id=" + run.pid(ids.get(3)));
        while (url != null) {
            assertThat(pages.size()).isLessThan(ids.size());
            Page page = get(run, url);
            checkLinks(run, page);
            pages.add(page.items());
            url = page.prev();
        }
        assertThat(pages).containsExactly(List.of(ids.get(4)), ids.subList(2, 4), ids.subList(0, 2), List.of());
    }

    static void bounds(Run run) {
        List<String> ids = run.ready();
        String path = run.subject().path().get();
        Map<String, List<String>> expected = new java.util.LinkedHashMap<>();
        expected.put("max_id=" + run.pid(ids.get(1)), ids.subList(2, 5));
        expected.put("max_id=" + run.pid(ids.get(4)), List.of());
        expected.put("since_id=" + run.pid(ids.get(3)), ids.subList(0, 3));
        expected.put("since_id=" + run.pid(ids.get(3)) + "&limit=2", ids.subList(0, 2));
        expected.put("since_id=" + run.pid(ids.get(0)), List.of());
        expected.put("min_id=" + run.pid(ids.get(3)) + "&limit=2", ids.subList(1, 3));
        expected.put("min_id=" + run.pid(ids.get(4)), ids.subList(0, 4));
        expected.put("min_id=" + run.pid(ids.get(0)), List.of());
        expected.put("max_id=" + run.pid(ids.get(0)) + "&since_id=" + run.pid(ids.get(4)), ids.subList(1, 4));
        expected.put("max_id=" + run.pid(ids.get(0)) + "&since_id=" + run.pid(ids.get(4)) + "&limit=2",
                ids.subList(1, 3));
        expected.put("max_id=" + run.pid(ids.get(0)) + "&min_id=" + run.pid(ids.get(4)) + "&limit=2",
                ids.subList(2, 4));
        expected.put("since_id=" + run.pid(ids.get(3)) + "&min_id=" + run.pid(ids.get(4)) + "&limit=2",
                ids.subList(2, 4));
        expected.forEach((query, items) -> {
            Page page = get(run, with(path, query));
            assertThat(page.items()).as(query).containsExactlyElementsOf(items);
            checkLinks(run, page);
        });
    }

    static void tokenNotLinked(Run run) {
        run.ready();
        Subject s = run.subject();
        String token = s.token();
        HttpResult r = new HttpTester(s.viewer().baseUrl())
                .get(with(s.path().get(), "limit=2&access_token=" + token));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.header("Link")).isPresent();
        assertThat(r.header("Link").orElseThrow()).doesNotContain("access_token").doesNotContain(token);
    }

    static void limits(Run run) {
        run.ready();
        Case c = run.c;
        Subject s = run.subject();
        String path = s.path().get();
        List<String> all = s.grow().apply(c.maxLimit() + 1);
        assertThat(all).hasSize(c.maxLimit() + 1).doesNotHaveDuplicates();

        Page byDefault = get(run, path);
        assertThat(byDefault.items()).containsExactlyElementsOf(all.subList(0, c.defaultLimit()));
        checkLinks(run, byDefault);
        for (String limit : List.of(Integer.toString(c.maxLimit()), Integer.toString(c.maxLimit() + 1), "1000",
                "99999999999")) {
            Page page = get(run, with(path, "limit=" + limit));
            assertThat(page.items()).as("limit=" + limit).containsExactlyElementsOf(all.subList(0, c.maxLimit()));
            assertThat(page.next()).as("next of a full page").isNotNull();
            checkLinks(run, page);
        }
        Page negative = get(run, with(path, "limit=-3"));
        assertThat(negative.items()).containsExactlyElementsOf(all.subList(0, 3));
        checkLinks(run, negative);

        Page zero = get(run, with(path, "limit=0"));
        if (c.zeroIsAll()) {
            assertThat(zero.items()).containsExactlyElementsOf(all);
            assertThat(zero.raw().header("Link")).isEmpty();
        } else {
            assertThat(zero.items()).containsExactlyElementsOf(all.subList(0, 1));
            checkLinks(run, zero);
        }

        HttpResult junk = s.viewer().get(with(path, "limit=lots"));
        assertThat(junk.status()).as(junk.toString()).isEqualTo(400);
        assertThat(junk.json().get("error").asText()).isNotBlank();
    }

    // ---- pages and links ---------------------------------------------------------------------------------------

    private static final Pattern LINK = Pattern.compile("<([^>]*)>; rel=\"([a-z]+)\"");

    /** A response as paging sees it: its items' ids and its next and prev URLs (null when absent). */
    record Page(String url, List<String> items, String next, String prev, HttpResult raw) {
    }

    static Page get(Run run, String url) {
        HttpResult r = run.subject().viewer().get(url);
        assertThat(r.status()).as("GET " + url + ": " + r).isEqualTo(200);
        List<String> items = run.subject().items().apply(r.json());
        String next = null;
        String prev = null;
        String header = r.header("Link").orElse(null);
        if (header != null) {
            // Exactly Mastodon's shape: <url>; rel="next", <url>; rel="prev", either one possibly left out.
            List<String> parts = new ArrayList<>();
            Matcher m = LINK.matcher(header);
            while (m.find()) {
                parts.add(m.group());
                if (m.group(2).equals("next")) {
                    assertThat(next).as("one rel=next in " + header).isNull();
                    next = m.group(1);
                } else {
                    assertThat(m.group(2)).as(header).isEqualTo("prev");
                    assertThat(prev).as("one rel=prev in " + header).isNull();
                    prev = m.group(1);
                }
            }
            assertThat(String.join(", ", parts)).as("Link header").isEqualTo(header);
            if (next != null && prev != null) {
                assertThat(header.indexOf("rel=\"next\"")).as("next before prev in " + header)
                        .isLessThan(header.indexOf("rel=\"prev\""));
            }
        }
        return new Page(url, items, next, prev, r);
    }

    /**
     * The Link header of any page: none when it is empty; else prev by min_id = the first item's paging id, and
     * next by max_id = the last item's, when the endpoint's rule says there is one. Both absolute, on the request's
     * path, with its other parameters.
     */
    static void checkLinks(Run run, Page page) {
        if (page.items().isEmpty()) {
            assertThat(page.raw().header("Link")).as("Link of the empty page " + page.url()).isEmpty();
            return;
        }
        assertThat(page.prev()).as("rel=prev of " + page.url()).isNotNull();
        checkLink(run, page.url(), page.prev(), "min_id", run.pidOrNull(page.items().getFirst()));
        boolean full = page.items().size() >= run.limitOf(page.url());
        if (run.c.next() == Next.EVERY_PAGE || full) {
            assertThat(page.next()).as("rel=next of " + page.url()).isNotNull();
            checkLink(run, page.url(), page.next(), "max_id", run.pidOrNull(page.items().getLast()));
        } else {
            assertThat(page.next()).as("rel=next of the short page " + page.url()).isNull();
        }
    }

    static void checkLink(Run run, String requestUrl, String link, String bound, String pagingId) {
        String base = run.subject().viewer().baseUrl();
        assertThat(link).as("absolute, same path").startsWith(base + pathOf(base, requestUrl) + "?");
        Map<String, List<String>> expected = query(requestUrl);
        for (String key : List.of("max_id", "since_id", "min_id", "access_token")) {
            expected.remove(key);
        }
        Map<String, List<String>> actual = query(link);
        assertThat(actual.get(bound)).as(bound + " in " + link).hasSize(1);
        assertThat(actual.get(bound).getFirst()).matches("\\d+");
        expected.put(bound, pagingId != null ? List.of(pagingId) : actual.get(bound));
        assertThat(actual).as("parameters of " + link).isEqualTo(expected);
    }

    static String pathOf(String base, String url) {
        String rest = url.startsWith(base) ? url.substring(base.length()) : url;
        int q = rest.indexOf('?');
        return q < 0 ? rest : rest.substring(0, q);
    }

    /** The decoded query parameters of a URL, sorted by name, values in order. */
    static Map<String, List<String>> query(String url) {
        Map<String, List<String>> out = new TreeMap<>();
        int q = url.indexOf('?');
        if (q < 0) {
            return out;
        }
        for (String pair : url.substring(q + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    static String param(String url, String name) {
        List<String> values = query(url).get(name);
        assertThat(values).as(name + " in " + url).isNotNull().hasSize(1);
        return values.getFirst();
    }

    static String with(String path, String params) {
        return path + (path.contains("?") ? "&" : "?") + params;
    }

    /** One case's endpoint, set up on first use, with its first {@link #FEW} items and their paging ids. */
    static final class Run {
        final Case c;
        private Subject subject;
        private RuntimeException broken;
        private List<String> ids;
        private final Map<String, String> pids = new HashMap<>();

        Run(Case c) {
            this.c = c;
        }

        Subject subject() {
            if (broken != null) {
                throw new IllegalStateException("setting up " + c.name() + " failed", broken);
            }
            if (subject == null) {
                try {
                    subject = c.open().get();
                } catch (RuntimeException | AssertionError e) {
                    broken = e instanceof RuntimeException re ? re : new IllegalStateException(e);
                    throw e;
                }
            }
            return subject;
        }

        /**
         * The first items, newest first. Their paging ids come from walking one item a page: each page's prev
         * (min_id) and next (max_id) both name its item's paging id.
         */
        List<String> ready() {
            if (ids == null) {
                List<String> grown = subject().grow().apply(FEW);
                assertThat(grown).hasSize(FEW).doesNotHaveDuplicates();
                String url = with(subject().path().get(), "limit=1");
                long previous = Long.MAX_VALUE;
                for (String id : grown) {
                    Page page = get(this, url);
                    assertThat(page.items()).as(url).containsExactly(id);
                    assertThat(page.next()).as("rel=next of " + url).isNotNull();
                    assertThat(page.prev()).as("rel=prev of " + url).isNotNull();
                    String pid = param(page.prev(), "min_id");
                    assertThat(param(page.next(), "max_id")).isEqualTo(pid);
                    assertThat(Long.parseLong(pid)).as("paging ids fall, newest first").isLessThan(previous);
                    previous = Long.parseLong(pid);
                    if (c.pagedByItemId()) {
                        assertThat(pid).as("paged by the item's own id").isEqualTo(id);
                    }
                    pids.put(id, pid);
                    url = page.next();
                }
                ids = grown;
            }
            return ids;
        }

        String pid(String item) {
            return pids.get(item);
        }

        String pidOrNull(String item) {
            return ids == null ? null : pids.get(item);
        }

        /** The page size a request asks for, as the endpoint reads it: default, |limit|, at least 1, clamped. */
        int limitOf(String url) {
            List<String> raw = query(url).get("limit");
            if (raw == null) {
                return c.defaultLimit();
            }
            long limit = Math.abs(Long.parseLong(raw.getFirst()));
            return (int) Math.min(c.maxLimit(), Math.max(1, limit));
        }
    }

    // ---- the endpoints, each with its own viewer ---------------------------------------------------------------

    static Subject home() {
        Session owner = session(server, "ohome");
        return new Subject(owner.http(), owner.token(), () -> "/api/v1/timelines/home", PagingContractTest::ids,
                one(i -> post(owner, "home " + i), n -> awaitRows(server, FEED_ENTRIES,
                        FEED_ENTRIES.ACCOUNT_ID.eq(Long.parseLong(owner.id())), n)));
    }

    /** On a server of its own: the public timelines show every public status of a server. */
    static Subject publicTimeline(String path) {
        TestApp own = TestApp.create();
        try {
            own.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ownServers.add(own);
        Session author = session(own, ApiClient.register(own.http(), SCOPES), "opublic");
        return new Subject(own.http(), author.token(), () -> path, PagingContractTest::ids,
                one(i -> post(author, "public " + i), n -> { }));
    }

    static Subject tagTimeline() {
        Session author = session(server, "otag");
        return new Subject(server.http(), author.token(), () -> "/api/v1/timelines/tag/pagingtag?local=true",
                PagingContractTest::ids, one(i -> post(author, "#pagingtag " + i), n -> { }));
    }

    static Subject listTimeline() {
        Session owner = session(server, "olist");
        Session member = session(server, "olistmember");
        ok(owner.http().post("/api/v1/accounts/" + member.id() + "/follow"));
        String list = ok(owner.http().postJson("/api/v1/lists", "{\"title\": \"Paging\"}")).json().get("id")
                .asText();
        ok(owner.http().postJson("/api/v1/lists/" + list + "/accounts",
                "{\"account_ids\": [\"" + member.id() + "\"]}"));
        return new Subject(owner.http(), owner.token(), () -> "/api/v1/timelines/list/" + list,
                PagingContractTest::ids, one(i -> post(member, "listed " + i), n -> server.awaitDistributed()));
    }

    static Subject accountStatuses() {
        Session author = session(server, "oaccount");
        return new Subject(server.http(), author.token(),
                () -> "/api/v1/accounts/" + author.id() + "/statuses?exclude_replies=true", PagingContractTest::ids,
                one(i -> post(author, "mine " + i), n -> { }));
    }

    /** The pool follows the owner, newest pool account first, so follow order is not account order. */
    static Subject followers() {
        Session owner = session(server, "ofollowed");
        return new Subject(owner.http(), owner.token(), () -> "/api/v1/accounts/" + owner.id() + "/followers",
                PagingContractTest::ids, one(i -> {
                    Session p = pool.get(POOL - 1 - i);
                    ok(p.http().post("/api/v1/accounts/" + owner.id() + "/follow"));
                    return p.id();
                }, n -> { }));
    }

    static Subject following() {
        Session owner = session(server, "ofollowing");
        return new Subject(owner.http(), owner.token(), () -> "/api/v1/accounts/" + owner.id() + "/following",
                PagingContractTest::ids, one(i -> {
                    Session p = pool.get(POOL - 1 - i);
                    ok(owner.http().post("/api/v1/accounts/" + p.id() + "/follow"));
                    return p.id();
                }, n -> { }));
    }

    /** The owner blocks or mutes the pool, newest pool account first. */
    static Subject ownerActsOnPool(String name, String path, String action) {
        Session owner = session(server, name);
        return new Subject(owner.http(), owner.token(), () -> path, PagingContractTest::ids, one(i -> {
            Session p = pool.get(POOL - 1 - i);
            ok(owner.http().post("/api/v1/accounts/" + p.id() + "/" + action));
            return p.id();
        }, n -> { }));
    }

    /** The owner follows and endorses the pool, newest pool account first. */
    static Subject endorsements() {
        Session owner = session(server, "oendorses");
        return new Subject(owner.http(), owner.token(), () -> "/api/v1/endorsements", PagingContractTest::ids,
                one(i -> {
                    Session p = pool.get(POOL - 1 - i);
                    ok(owner.http().post("/api/v1/accounts/" + p.id() + "/follow"));
                    ok(owner.http().post("/api/v1/accounts/" + p.id() + "/endorse"));
                    return p.id();
                }, n -> { }));
    }

    /** Domains blocked in falling alphabetical order, so block order is not name order. */
    static Subject domainBlocks() {
        Session owner = session(server, "odomains");
        return new Subject(owner.http(), owner.token(), () -> "/api/v1/domain_blocks", PagingContractTest::strings,
                one(i -> {
                    String domain = "d%03d.example".formatted(999 - i);
                    ok(owner.http().postJson("/api/v1/domain_blocks", "{\"domain\": \"" + domain + "\"}"));
                    return domain;
                }, n -> { }));
    }

    static Subject followRequests() {
        Session owner = session(server, "orequested");
        ok(owner.http().patchJson("/api/v1/accounts/update_credentials", "{\"locked\": true}"));
        return new Subject(owner.http(), owner.token(), () -> "/api/v1/follow_requests", PagingContractTest::ids,
                one(i -> {
                    Session p = pool.get(POOL - 1 - i);
                    HttpResult r = ok(p.http().post("/api/v1/accounts/" + owner.id() + "/follow"));
                    assertThat(r.json().get("requested").asBoolean()).isTrue();
                    return p.id();
                }, n -> { }));
    }

    /**
     * The owner's statuses favourited or bookmarked in the reverse of their order, so the list (paged by the
     * favourite's or bookmark's id) runs against status order.
     */
    static Subject ownStatusesMarked(String name, String path, String action) {
        Session owner = session(server, name);
        return new Subject(owner.http(), owner.token(), () -> path, PagingContractTest::ids, batches(k -> {
            List<String> posted = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                posted.add(post(owner, action + " me " + i));
            }
            List<String> marked = new ArrayList<>(posted.reversed());
            marked.forEach(id -> ok(owner.http().post("/api/v1/statuses/" + id + "/" + action)));
            return marked;
        }));
    }

    static Subject poolActsOnStatus(String name, String list, String action) {
        Session owner = session(server, name);
        String status = post(owner, "please " + action);
        return new Subject(owner.http(), owner.token(), () -> "/api/v1/statuses/" + status + "/" + list,
                PagingContractTest::ids, one(i -> {
                    Session p = pool.get(POOL - 1 - i);
                    ok(p.http().post("/api/v1/statuses/" + status + "/" + action));
                    return p.id();
                }, n -> { }));
    }

    static Subject notifications() {
        Session owner = session(server, "onotes");
        return new Subject(owner.http(), owner.token(), () -> "/api/v1/notifications?types[]=mention",
                PagingContractTest::ids, mentions(owner, pool.get(0)));
    }

    /** Mentions are never grouped: one group each, paged by notification id. */
    static Subject groupedNotifications() {
        Session owner = session(server, "ogroups");
        return new Subject(owner.http(), owner.token(), () -> "/api/v2/notifications?types[]=mention",
                body -> field(body.get("notification_groups"), "most_recent_notification_id"),
                mentions(owner, pool.get(1)));
    }

    /**
     * Mentions of the owner, one notification each. Jobs write them, not always in the order of the statuses, so
     * their order is the notifications' own.
     */
    static IntFunction<List<String>> mentions(Session owner, Session sender) {
        String name = ok(owner.http().get("/api/v1/accounts/verify_credentials")).json().get("username").asText();
        long ownerId = Long.parseLong(owner.id());
        IntFunction<List<String>> posted = one(i -> post(sender, "@" + name + " note " + i), n -> { });
        return n -> {
            posted.apply(n);
            awaitRows(server, NOTIFICATIONS, NOTIFICATIONS.ACCOUNT_ID.eq(ownerId), n);
            return server.app().core().db().read(tx -> TestSql.dsl(tx).select(NOTIFICATIONS.ID).from(NOTIFICATIONS)
                    .where(NOTIFICATIONS.ACCOUNT_ID.eq(ownerId)).orderBy(NOTIFICATIONS.ID.desc())
                    .fetch(r -> Long.toString(r.value1())));
        };
    }

    /** One follow group of the pool's follows; before any, a key of no group. */
    static Subject groupAccounts() {
        Session owner = session(server, "ogroupaccounts");
        AtomicReference<String> key = new AtomicReference<>("follow-1");
        return new Subject(owner.http(), owner.token(),
                () -> "/api/v2/notifications/" + key.get() + "/accounts", PagingContractTest::ids, one(i -> {
                    Session p = pool.get(POOL - 1 - i);
                    ok(p.http().post("/api/v1/accounts/" + owner.id() + "/follow"));
                    return p.id();
                }, n -> {
                    awaitRows(server, NOTIFICATIONS, NOTIFICATIONS.ACCOUNT_ID.eq(Long.parseLong(owner.id())), n);
                    JsonNode groups = ok(owner.http().get("/api/v2/notifications")).json().get("notification_groups");
                    assertThat(groups).hasSize(1);
                    assertThat(groups.get(0).get("notifications_count").asInt()).isEqualTo(n);
                    key.set(groups.get(0).get("group_key").asText());
                }));
    }

    /** A new direct thread each; a thread is paged by its last status's id. */
    static Subject conversations() {
        Session owner = session(server, "oconversations");
        return new Subject(owner.http(), owner.token(), () -> "/api/v1/conversations",
                body -> field(body, "last_status", "id"),
                one(i -> postJson(owner, "{\"status\": \"@pool02 psst " + i + "\", \"visibility\": \"direct\"}"),
                        n -> awaitRows(server, ACCOUNT_CONVERSATIONS,
                                ACCOUNT_CONVERSATIONS.ACCOUNT_ID.eq(Long.parseLong(owner.id())), n)));
    }

    /** Members are paged by account id, as on Mastodon; they are added newest pool account first. */
    static Subject listAccounts() {
        Session owner = session(server, "olistaccounts");
        String list = ok(owner.http().postJson("/api/v1/lists", "{\"title\": \"Members\"}")).json().get("id")
                .asText();
        List<String> members = new ArrayList<>();
        return new Subject(owner.http(), owner.token(), () -> "/api/v1/lists/" + list + "/accounts",
                PagingContractTest::ids, n -> {
                    while (members.size() < n) {
                        Session p = pool.get(POOL - 1 - members.size());
                        ok(owner.http().post("/api/v1/accounts/" + p.id() + "/follow"));
                        ok(owner.http().postJson("/api/v1/lists/" + list + "/accounts",
                                "{\"account_ids\": [\"" + p.id() + "\"]}"));
                        members.add(p.id());
                    }
                    Comparator<String> byId = Comparator.comparingLong(Long::parseLong);
                    return members.stream().sorted(byId.reversed()).toList();
                });
    }

    /** Tags followed in falling alphabetical order, so follow order is not name order. */
    static Subject followedTags() {
        Session owner = session(server, "otags");
        return new Subject(owner.http(), owner.token(), () -> "/api/v1/followed_tags",
                body -> field(body, "name"), one(i -> {
                    String tag = "t%03d".formatted(999 - i);
                    ok(owner.http().post("/api/v1/tags/" + tag + "/follow"));
                    return tag;
                }, n -> { }));
    }

    /**
     * Scheduled weeks ahead, at most 20 on a (UTC) day (Mastodon allows 25), later ones earlier, so the list (by id)
     * runs against scheduled_at.
     */
    static Subject scheduledStatuses() {
        Session owner = session(server, "oscheduled");
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(30);
        return new Subject(owner.http(), owner.token(), () -> "/api/v1/scheduled_statuses", PagingContractTest::ids,
                one(i -> {
                    String at = day.minusDays(i / 20).atTime(12, i % 20).toInstant(ZoneOffset.UTC).toString();
                    return postJson(owner, "{\"status\": \"later " + i + "\", \"scheduled_at\": \"" + at + "\"}");
                }, n -> { }));
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** Items added one at a time ({@code add} gets the count so far); settle waits for background work. */
    static IntFunction<List<String>> one(IntFunction<String> add, IntConsumer settle) {
        List<String> added = new ArrayList<>();
        return n -> {
            while (added.size() < n) {
                added.add(add.apply(added.size()));
            }
            settle.accept(n);
            return List.copyOf(added.reversed());
        };
    }

    /** Items added k at a time; {@code add} answers the new items oldest first. */
    static IntFunction<List<String>> batches(IntFunction<List<String>> add) {
        List<String> added = new ArrayList<>();
        return n -> {
            if (added.size() < n) {
                added.addAll(add.apply(n - added.size()));
            }
            return List.copyOf(added.reversed());
        };
    }

    static Session session(TestApp app, String name) {
        return session(app, client, name);
    }

    /**
     * A new account and a token of the app for it, issued as for an account made through the API (no password
     * grant, which would hash the password once more).
     */
    static Session session(TestApp app, ApiClient apps, String name) {
        long id = app.fixtures().account(name).id();
        long appId = app.app().core().db().read(tx -> app.app().repos().oauth().findApplicationByClientId(tx, apps.clientId))
                .orElseThrow().id();
        String token = app.app().accounts().tokens().issueForNewAccount(appId, id, Set.of(SCOPES.split(" "))).accessToken();
        return new Session(Long.toString(id), token, app.http().withToken(token));
    }

    /** Posts a public status with this text and answers its id. */
    static String post(Session who, String text) {
        return postJson(who, "{\"status\": \"" + text + "\"}");
    }

    static String postJson(Session who, String json) {
        return ok(who.http().postJson("/api/v1/statuses", json)).json().get("id").asText();
    }

    static HttpResult ok(HttpResult r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r;
    }

    static void awaitRows(TestApp app, Table<?> table, Condition condition, int n) {
        Await.until(() -> app.app().core().db().read(tx -> TestSql.dsl(tx).fetchCount(table, condition)) >= n);
    }

    static List<String> ids(JsonNode body) {
        return field(body, "id");
    }

    static List<String> strings(JsonNode body) {
        assertThat(body.isArray()).as(body.toString()).isTrue();
        List<String> out = new ArrayList<>();
        body.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The text at this path in each element of an array. */
    static List<String> field(JsonNode array, String... path) {
        assertThat(array != null && array.isArray()).as(String.valueOf(array)).isTrue();
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            JsonNode at = n;
            for (String p : path) {
                at = at.path(p);
            }
            assertThat(at.isMissingNode() || at.isNull()).as(String.join(".", path) + " in " + n).isFalse();
            out.add(at.asText());
        }
        return out;
    }
}
