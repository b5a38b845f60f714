package social.starling.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static social.starling.api.web.WebTesting.exists;
import static social.starling.api.web.WebTesting.signUp;
import static social.starling.api.web.WebTesting.signUpFields;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import social.starling.model.Role;
import social.starling.testing.TestApp;

/** Sign-up on an invite-only server. */
class InviteSignUpTest {
    @RegisterExtension
    static TestApp server = TestApp.create()
            .with("STARLING_REGISTRATIONS", "invite")
            .with("STARLING_SIGNUPS_PER_IP_PER_HOUR", "100");

    @Test
    void withoutACodeTheFormSaysWhy() {
        WebClient browser = new WebClient(server.baseUrl());
        WebClient.Page form = browser.get("/auth/sign_up");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.text()).contains("Invite only");
        assertThat(form.doc().selectFirst("#user_invite_code").hasAttr("required")).isTrue();

        WebClient.Page page = browser.submit(form.form("/auth"), signUpFields("pipit"));
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.doc().selectFirst("#user_invite_code-error").text()).contains("invite-only");
        assertThat(exists(server.app(), "pipit")).isFalse();
    }

    @Test
    void anInviteLinkFillsInTheCodeAndWorksOnce() {
        long staff = server.fixtures().account("warden", Role.MODERATOR).id();
        String code = server.app().accounts().invites().create(staff, 1, null).code();

        WebClient browser = new WebClient(server.baseUrl());
        WebClient.Page link = browser.get("/invite/" + code);
        assertThat(link.status()).isEqualTo(302);
        assertThat(link.location()).contains("/auth/sign_up?invite=" + code);
        WebClient.Page form = browser.get(link.location().get());
        assertThat(form.doc().selectFirst("#user_invite_code").attr("value")).isEqualTo(code);

        WebClient.Page done = browser.submit(form.form("/auth"), signUpFields("linnet"));
        assertThat(done.status()).as(done.toString()).isEqualTo(302);
        assertThat(exists(server.app(), "linnet")).isTrue();

        WebClient.Page again = signUp(new WebClient(server.baseUrl()),
                withInvite(signUpFields("twite"), code));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.doc().selectFirst("#user_invite_code-error").text()).contains("invalid or expired");
        assertThat(again.doc().selectFirst("#user_invite_code").attr("value")).isEqualTo(code);
        assertThat(exists(server.app(), "twite")).isFalse();
    }

    private static java.util.Map<String, String> withInvite(java.util.Map<String, String> fields, String code) {
        fields.put("user[invite_code]", code);
        return fields;
    }
}
