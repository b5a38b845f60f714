package social.starling.api.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.errors.NotFoundException;
import social.starling.errors.UnprocessableException;
import social.starling.model.Account;
import social.starling.model.Appeal;
import social.starling.model.ModerationNote;
import social.starling.model.Role;
import social.starling.service.account.AdminAccountService;
import social.starling.service.moderation.StrikeService;
import social.starling.wiring.AdminAccountsModule;
import social.starling.testing.ApiClient;
import social.starling.testing.HttpTester;
import social.starling.testing.MutableClock;
import social.starling.testing.TestApp;

/**
 * The 30-day purge of suspended accounts (moved by the test's clock), a remote account's suspension, and the
 * strikes a member can appeal (StrikeService: one appeal per strike; approving it undoes the action) with the
 * staff-only notes.
 */
class SuspensionAndStrikesTest {
    static final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    @RegisterExtension
    static TestApp server = TestApp.create().withClock(clock);

    private static ApiClient client;
    private static HttpTester admin;
    private static long adminId;

    @BeforeAll
    static void accounts() {
        adminId = server.fixtures().account("ada", Role.ADMIN).id();
        client = ApiClient.register(server.http(), "read write admin:read admin:write");
        admin = client.as("ada", "read write admin:read admin:write");
    }

    private static AdminAccountService service() {
        return server.app().accounts().admin();
    }

    private static StrikeService strikes() {
        return server.app().accounts().strikes();
    }

    private static int sweep() {
        return server.app().module(AdminAccountsModule.class).purge().sweep();
    }

    @Test
    void aSuspendedAccountIsPurgedAfterThirtyDaysUnlessUnsuspended() {
        HttpTester gone = client.as(server.fixtures().account("gone").username(), "read write");
        HttpTester back = client.as(server.fixtures().account("back").username(), "read write");
        String gonePost = gone.postJson("/api/v1/statuses", "{\"status\": \"x\"}").json().get("id").asText();
        String backPost = back.postJson("/api/v1/statuses", "{\"status\": \"y\"}").json().get("id").asText();
        long goneId = server.fixtures().account("gone").id();
        long backId = server.fixtures().account("back").id();
        assertThat(admin.postJson("/api/v1/admin/accounts/" + goneId + "/action", "{\"type\": \"suspend\"}")
                .status()).isEqualTo(200);
        assertThat(admin.postJson("/api/v1/admin/accounts/" + backId + "/action", "{\"type\": \"suspend\"}")
                .status()).isEqualTo(200);
        clock.advance(Duration.ofDays(29));
        sweep();
        // Still there within the 30 days: unsuspending restores the account and its posts.
        assertThat(admin.get("/api/v1/admin/accounts/" + goneId).status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/admin/accounts/" + backId + "/unsuspend").status()).isEqualTo(200);
        clock.advance(Duration.ofDays(2));
        assertThat(sweep()).isGreaterThanOrEqualTo(1);
        assertThat(admin.get("/api/v1/admin/accounts/" + goneId).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/statuses/" + gonePost).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/admin/accounts/" + backId).status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/statuses/" + backPost).status()).isEqualTo(200);
    }

    @Test
    void aRemoteAccountIsSuspendedAndEmptiedButKept() {
        Account remote = RemoteAccount.insert(server.app(), "spammer", "spam.example");
        assertThat(service().findAny("spammer@spam.example").id()).isEqualTo(remote.id());
        assertThat(admin.get("/api/v1/admin/accounts?remote=true").body()).contains(Long.toString(remote.id()));
        assertThat(admin.get("/api/v2/admin/accounts?by_domain=spam.example").json()).hasSize(1);
        service().perform(adminId, remote.id(), new AdminAccountService.Action("suspend", null, null, true));
        // No strike without a text for a remote account (nobody to tell).
        assertThat(strikes().strikesOf(remote.id())).isEmpty();
        clock.advance(Duration.ofDays(31));
        sweep();
        Optional<Account> kept = server.app().core().db().read(tx -> server.app().repos().accounts()
                .find(tx, remote.id()));
        assertThat(kept).isPresent();
        assertThat(kept.get().suspended()).isTrue();
        // Purged once: the next sweep finds nothing more to do for it.
        assertThat(sweep()).isZero();
    }

    @Test
    void aMemberAppealsAStrikeOnceAndApprovalUndoesIt() {
        Account mel = server.fixtures().account("mel");
        var strike = service().perform(adminId, mel.id(), new AdminAccountService.Action("silence",
                "too loud", null, true)).orElseThrow();
        List<StrikeService.Strike> mine = strikes().strikesOf(mel.id());
        assertThat(mine).hasSize(1);
        assertThat(mine.getFirst().warning().action()).isEqualTo("silence");
        assertThat(mine.getFirst().warning().text()).isEqualTo("too loud");
        assertThat(mine.getFirst().appeal()).isEmpty();
        // Someone else's strike is not found; an empty text is refused.
        long other = server.fixtures().account("olaf").id();
        assertThatThrownBy(() -> strikes().appeal(other, strike.id(), "not me")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> strikes().appeal(mel.id(), strike.id(), " "))
                .isInstanceOf(UnprocessableException.class);
        Appeal appeal = strikes().appeal(mel.id(), strike.id(), "I was quiet");
        assertThat(appeal.state()).isEqualTo(Appeal.PENDING);
        assertThatThrownBy(() -> strikes().appeal(mel.id(), strike.id(), "again"))
                .isInstanceOf(UnprocessableException.class);
        assertThat(strikes().strikesOf(mel.id()).getFirst().appeal()).map(Appeal::text).contains("I was quiet");
        strikes().approve(adminId, appeal.id());
        assertThat(admin.get("/api/v1/admin/accounts/" + mel.id()).json().get("silenced").asBoolean()).isFalse();
        var after = strikes().strikesOf(mel.id()).getFirst();
        assertThat(after.warning().overruledAt()).isNotNull();
        assertThat(after.appeal()).map(Appeal::state).contains(Appeal.APPROVED);
        assertThatThrownBy(() -> strikes().reject(adminId, appeal.id())).isInstanceOf(UnprocessableException.class);
        // The member was told of the strike through HTTP.
        HttpTester melApi = client.as("mel", "read");
        var told = melApi.get("/api/v1/notifications?types[]=moderation_warning").json().get(0)
                .get("moderation_warning");
        assertThat(told.get("action").asText()).isEqualTo("silence");
        assertThat(told.get("appeal").get("text").asText()).isEqualTo("I was quiet");
        assertThat(told.get("appeal").get("state").asText()).isEqualTo("approved");
    }

    @Test
    void aRejectedAppealLeavesTheAction() {
        Account rex = server.fixtures().account("rex");
        var strike = service().perform(adminId, rex.id(), new AdminAccountService.Action("sensitive", "nsfw",
                null, true)).orElseThrow();
        Appeal appeal = strikes().appeal(rex.id(), strike.id(), "it was art");
        strikes().reject(adminId, appeal.id());
        assertThat(admin.get("/api/v1/admin/accounts/" + rex.id()).json().get("sensitized").asBoolean()).isTrue();
        assertThat(strikes().strikesOf(rex.id()).getFirst().appeal()).map(Appeal::state).contains(Appeal.REJECTED);
    }

    @Test
    void staffNotes() {
        long target = server.fixtures().account("nat").id();
        ModerationNote note = strikes().addNote(adminId, target, "watch this one");
        assertThat(strikes().notesOn(target)).extracting(ModerationNote::content).containsExactly("watch this one");
        assertThatThrownBy(() -> strikes().deleteNote(target, note.id())).isInstanceOf(NotFoundException.class);
        strikes().deleteNote(adminId, note.id());
        assertThat(strikes().notesOn(target)).isEmpty();
    }
}
