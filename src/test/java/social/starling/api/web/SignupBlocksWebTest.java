package social.starling.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static social.starling.api.web.WebTesting.exists;
import static social.starling.api.web.WebTesting.signUp;
import static social.starling.api.web.WebTesting.signUpFields;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.model.Role;
import social.starling.service.moderation.SignupBlockService;
import social.starling.testing.TestApp;

/** The web sign-up form obeys the sign-up blocks: a blocked e-mail domain is a field error, a blocked address a 403. */
class SignupBlocksWebTest {
    @RegisterExtension
    static TestApp server = TestApp.create()
            .with("STARLING_REGISTRATIONS", "open")
            .with("STARLING_SIGNUPS_PER_IP_PER_HOUR", "100");

    @Test
    void aBlockedEmailDomainIsAnErrorOnTheEmailField() {
        long staff = server.fixtures().account("keeper", Role.ADMIN).id();
        var blocks = server.app().moderation().signupBlocks();
        var block = blocks.blockEmailDomain(staff, "blocked.test");
        try {
            Map<String, String> fields = signUpFields("wren");
            fields.put("user[email]", "wren@mail.blocked.test");
            WebClient.Page page = signUp(new WebClient(server.baseUrl()), fields);
            assertThat(page.status()).isEqualTo(422);
            assertThat(page.doc().selectFirst("#user_email-error").text()).contains("disallowed e-mail provider");
            assertThat(exists(server.app(), "wren")).isFalse();
        } finally {
            blocks.unblockEmailDomain(staff, block.id());
        }
    }

    @Test
    void anAddressUnderASignUpBlockIsRefused() {
        long staff = server.fixtures().account("warden", Role.ADMIN).id();
        var blocks = server.app().moderation().signupBlocks();
        var block = blocks.blockIp(staff, new SignupBlockService.IpBlockChange(Optional.of("127.0.0.1"),
                Optional.of("sign_up_block"), Optional.empty(), Optional.empty()));
        try {
            WebClient.Page page = signUp(new WebClient(server.baseUrl()), signUpFields("robin"));
            assertThat(page.status()).isEqualTo(403);
            assertThat(exists(server.app(), "robin")).isFalse();
        } finally {
            blocks.unblockIp(staff, block.id());
        }
        WebClient.Page page = signUp(new WebClient(server.baseUrl()), signUpFields("robin"));
        assertThat(page.status()).as(page.toString()).isEqualTo(302);
        assertThat(exists(server.app(), "robin")).isTrue();
    }

    @Test
    void anAddressThatRequiresApprovalIsToldItWaitsForReview() {
        long staff = server.fixtures().account("steward", Role.ADMIN).id();
        var blocks = server.app().moderation().signupBlocks();
        var block = blocks.blockIp(staff, new SignupBlockService.IpBlockChange(Optional.of("127.0.0.0/8"),
                Optional.of("sign_up_requires_approval"), Optional.of("review these"), Optional.empty()));
        try {
            WebClient.Page page = signUp(new WebClient(server.baseUrl()), signUpFields("finch"));
            assertThat(page.status()).as(page.toString()).isEqualTo(302);
            assertThat(page.location()).hasValueSatisfying(l -> assertThat(l).contains("review=1"));
            long id = server.app().accounts().queries().lookup("finch").orElseThrow().id();
            assertThat(server.app().core().db().read(tx -> server.app().repos().users().find(tx, id)).orElseThrow()
                    .approved()).isFalse();
        } finally {
            blocks.unblockIp(staff, block.id());
        }
    }
}
