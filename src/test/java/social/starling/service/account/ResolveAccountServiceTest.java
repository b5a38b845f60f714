package social.starling.service.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.App;
import social.starling.model.Account;
import social.starling.testing.MutableClock;
import social.starling.testing.TestApp;

/**
 * The resolution rules with a scripted {@link RemoteActors} (the network side is ResolveRemoteAccountTest): the
 * WebFinger round trip, the day of freshness, and what is refused.
 */
class ResolveAccountServiceTest {
    private static final MutableClock clock = MutableClock.startingNow();

    @RegisterExtension
    static final TestApp server = TestApp.create().withClock(clock);

    /** WebFinger answers and actor documents by key; every call is recorded. */
    static final class Scripted implements RemoteActors {
        final Map<String, Finger> fingers = new HashMap<>();
        final Map<String, Account> actors = new HashMap<>();
        final List<String> calls = new ArrayList<>();

        @Override
        public Optional<Finger> finger(String user, String host) {
            calls.add("finger " + user + "@" + host);
            return Optional.ofNullable(fingers.get((user + "@" + host).toLowerCase()));
        }

        @Override
        public Optional<Account> fetch(String url, boolean anyUrl) {
            calls.add("fetch " + url);
            return Optional.ofNullable(actors.get(url));
        }
    }

    private Scripted remote;
    private ResolveAccountService resolver;

    @BeforeEach
    void setUp() {
        App app = server.app();
        remote = new Scripted();
        resolver = new ResolveAccountService(app.core().db(), app.repos().accounts(), app.accounts().writer(),
                app.accounts().queries(), remote, app.core().ids(), app.core().domain(), clock);
    }

    private static Account actor(String username, String domain, String name) {
        String uri = "https://" + domain + "/users/" + username;
        Instant now = clock.instant();
        return new Account(0, username, domain, name, "", "", List.of(), uri, null, uri + "/inbox",
                "https://" + domain + "/inbox", null, null, null, null, "Person", false, false, false, false, false,
                null, null, null, null, "-----BEGIN PUBLIC KEY-----\nX\n-----END PUBLIC KEY-----", 0, 0, 0, null,
                null, null, now, now);
    }

    private void serve(Account actor) {
        remote.actors.put(actor.uri(), actor);
        remote.fingers.put(actor.acct().toLowerCase(), new RemoteActors.Finger(actor.acct(), actor.uri()));
    }

    private Optional<Account> stored(String uri) {
        return server.app().core().db().read(tx -> server.app().repos().accounts().findByUri(tx, uri));
    }

    @Test
    void aLocalHandleIsNeverFetched() {
        server.fixtures().account("carol");
        assertThat(resolver.resolve("carol")).map(Account::username).contains("carol");
        assertThat(resolver.resolve("@carol@" + server.app().core().domain())).map(Account::username)
                .contains("carol");
        assertThat(remote.calls).isEmpty();
    }

    @Test
    void storedForADayThenRefreshedUnderTheSameId() {
        Account dave = actor("dave", "one.example", "Dave");
        serve(dave);
        Account first = resolver.resolve("dave@one.example").orElseThrow();
        assertThat(first.id()).isPositive();
        assertThat(remote.calls).containsExactly("finger dave@one.example", "fetch " + dave.uri());

        remote.calls.clear();
        serve(actor("dave", "one.example", "Dave, renamed"));
        assertThat(resolver.resolve("dave@one.example")).map(Account::displayName).contains("Dave");
        assertThat(remote.calls).isEmpty();

        clock.advance(Duration.ofHours(25));
        Account refreshed = resolver.resolve("dave@one.example").orElseThrow();
        assertThat(refreshed.id()).isEqualTo(first.id());
        assertThat(refreshed.displayName()).isEqualTo("Dave, renamed");

        clock.advance(Duration.ofHours(25));
        remote.fingers.clear();
        assertThat(resolver.resolve("dave@one.example")).as("unreachable: the stored copy")
                .map(Account::displayName).contains("Dave, renamed");
    }

    @Test
    void anotherDomainMustConfirmTheHandle() {
        // alias@alias.example points at an actor on real.example; real.example's WebFinger does not name it.
        Account real = actor("erin", "real.example", "Erin");
        remote.actors.put(real.uri(), real);
        remote.fingers.put("alias@alias.example", new RemoteActors.Finger("alias@alias.example", real.uri()));
        assertThat(resolver.resolve("alias@alias.example")).isEmpty();
        assertThat(remote.calls).containsExactly("finger alias@alias.example", "fetch " + real.uri(),
                "finger erin@real.example");
        assertThat(stored(real.uri())).isEmpty();

        // Once real.example confirms it, the account is stored under its canonical handle.
        remote.fingers.put("erin@real.example", new RemoteActors.Finger("erin@real.example", real.uri()));
        assertThat(resolver.resolve("alias@alias.example")).map(Account::acct).contains("erin@real.example");
    }

    @Test
    void anActorWhoseIdIsNotTheLinkedOneIsRefused() {
        Account frank = actor("frank", "f.example", "Frank");
        remote.actors.put("https://f.example/profile/frank", frank);
        remote.fingers.put("frank@f.example", new RemoteActors.Finger("frank@f.example",
                "https://f.example/profile/frank"));
        assertThat(resolver.resolve("frank@f.example")).isEmpty();
        assertThat(stored(frank.uri())).isEmpty();
    }

    @Test
    void aUrlIsConfirmedByWebFingerOnTheActorsDomain() {
        Account gina = actor("gina", "g.example", "Gina");
        remote.actors.put("https://g.example/@gina", gina);
        assertThat(resolver.resolveQuery("https://g.example/@gina")).isEmpty();
        serve(gina);
        assertThat(resolver.resolveQuery("https://g.example/@gina")).map(Account::uri).contains(gina.uri());
        assertThat(resolver.resolveQuery(gina.uri())).map(Account::acct).contains("gina@g.example");
    }

    @Test
    void aHandleHeldByAnotherActorIsNotTakenOver() {
        Account old = actor("hal", "h.example", "Old Hal");
        serve(old);
        long id = resolver.resolve("hal@h.example").orElseThrow().id();
        clock.advance(Duration.ofDays(2));
        Account impostor = new Account(0, "hal", "h.example", "New Hal", "", "", List.of(),
                "https://h.example/users/hal2", null, "https://h.example/users/hal2/inbox", null, null, null, null,
                null, "Person", false, false, false, false, false, null, null, null, null, null, 0, 0, 0, null, null,
                null, clock.instant(), clock.instant());
        serve(impostor);
        assertThat(resolver.resolve("hal@h.example")).map(Account::id).contains(id);
        assertThat(stored(impostor.uri())).isEmpty();
    }

    @Test
    void queriesThatNameNoAccountAreNotResolved() {
        assertThat(resolver.resolveQuery("just words")).isEmpty();
        assertThat(resolver.resolveQuery("a@b@c")).isEmpty();
        assertThat(resolver.resolveQuery("#tag")).isEmpty();
        assertThat(remote.calls).isEmpty();
    }
}
