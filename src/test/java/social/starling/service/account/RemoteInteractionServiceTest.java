package social.starling.service.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import social.starling.errors.RateLimitedException;
import social.starling.errors.UnprocessableException;
import social.starling.service.security.Throttle;

/** The handle rules and the template rules, with a scripted WebFinger (the network side is RemoteInteractionTest). */
class RemoteInteractionServiceTest {
    private static final String BASE = "https://here.example";
    private static final String ALICE = BASE + "/users/alice";

    private final List<String> asked = new ArrayList<>();
    private Optional<String> template = Optional.of("https://there.example/authorize_interaction?uri={uri}");
    private boolean reachable = true;

    private RemoteInteractionService service(int limit) {
        RemoteInteractionService.Templates templates = (user, host) -> {
            asked.add(user + "@" + host);
            if (!reachable) {
                throw new RemoteInteractionService.Unreachable("no answer");
            }
            return template;
        };
        return new RemoteInteractionService(templates, new Throttle("test", limit, Duration.ofMinutes(5),
                Clock.systemUTC()), "here.example", BASE);
    }

    @Test
    void everyUsualWayOfWritingAHandleWorksAndTheIdIsEncoded() {
        var service = service(100);
        for (String handle : List.of("bob@there.example", "@bob@there.example", "acct:bob@there.example",
                "  Bob@There.Example ", "bob.smith_1@there.example:8443")) {
            assertThat(service.redirect(handle, ALICE, "ip"))
                    .isEqualTo("https://there.example/authorize_interaction?uri=https%3A%2F%2Fhere.example%2Fusers%2Falice");
        }
        assertThat(asked).contains("bob@there.example", "Bob@there.example", "bob.smith_1@there.example:8443");
    }

    @Test
    void malformedHandlesAreRefusedBeforeAnyLookUp() {
        var service = service(100);
        for (String handle : List.of("", "bob", "bob@", "@bob", "bob@@there.example", "bob@there example",
                "bob@there.example/path", "bob@-there.example", "https://there.example/@bob")) {
            assertThatThrownBy(() -> service.redirect(handle, ALICE, "ip")).as(handle)
                    .isInstanceOf(UnprocessableException.class).hasMessageContaining("full handle");
        }
        assertThatThrownBy(() -> service.redirect(null, ALICE, "ip")).isInstanceOf(UnprocessableException.class);
        assertThat(asked).isEmpty();
    }

    @Test
    void onlyOurOwnIdsAndOurOwnHandlesSkipTheNetwork() {
        var service = service(100);
        assertThatThrownBy(() -> service.redirect("bob@there.example", "https://elsewhere.example/users/x", "ip"))
                .isInstanceOf(UnprocessableException.class);
        assertThat(service.redirect("carol@here.example", ALICE, "ip"))
                .isEqualTo(BASE + "/authorize_interaction?uri=https%3A%2F%2Fhere.example%2Fusers%2Falice");
        assertThat(asked).isEmpty();
    }

    @Test
    void anUnreachableServerOrOneWithoutAUsableTemplateIsA422() {
        var service = service(100);
        reachable = false;
        assertThatThrownBy(() -> service.redirect("bob@there.example", ALICE, "ip"))
                .isInstanceOf(UnprocessableException.class).hasMessageContaining("could not find bob@there.example");
        reachable = true;
        template = Optional.empty();
        assertThatThrownBy(() -> service.redirect("bob@there.example", ALICE, "ip"))
                .isInstanceOf(UnprocessableException.class).hasMessageContaining("did not say how to interact");
        template = Optional.of("https://there example/{uri}");
        assertThatThrownBy(() -> service.redirect("bob@there.example", ALICE, "ip"))
                .isInstanceOf(UnprocessableException.class).hasMessageContaining("cannot send you to");
    }

    @Test
    void lookUpsAreThrottledPerAddress() {
        var service = service(2);
        service.redirect("bob@there.example", ALICE, "1.2.3.4");
        service.redirect("bob@there.example", ALICE, "1.2.3.4");
        assertThatThrownBy(() -> service.redirect("bob@there.example", ALICE, "1.2.3.4"))
                .isInstanceOf(RateLimitedException.class);
        assertThat(service.redirect("bob@there.example", ALICE, "5.6.7.8")).startsWith("https://there.example/");
        assertThat(asked).hasSize(3);
    }
}
