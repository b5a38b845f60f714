package social.starling.service.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The pure rules behind the sign-up blocks: canonical addresses and client address literals. */
class SignupBlockRulesTest {

    @Test
    void aCanonicalAddressDropsCaseDotsAndTheTag() {
        assertThat(CanonicalEmail.canonical("J.Doe+news@Example.COM")).isEqualTo("jdoe@example.com");
        assertThat(CanonicalEmail.canonical(" jdoe@example.com ")).isEqualTo("jdoe@example.com");
        assertThat(CanonicalEmail.canonical("a+b+c@x.test")).isEqualTo("a@x.test");
        // Only the local part loses its dots.
        assertThat(CanonicalEmail.canonical("j.doe@mail.example.com")).isEqualTo("jdoe@mail.example.com");
        // SHA-256 hex of "jdoe@example.com", computed independently.
        assertThat(CanonicalEmail.hash("J.Doe+x@EXAMPLE.com"))
                .isEqualTo("a8af8341993604f29cd4e0e5a5a4b5d48c575436c38b28abbfd7d481f345d5db");
    }

    @Test
    void onlyAddressLiteralsAreParsed() {
        assertThat(SignupPolicy.parse("127.0.0.1")).isPresent();
        assertThat(SignupPolicy.parse("[::1]")).isPresent();
        assertThat(SignupPolicy.parse("2001:db8::7")).isPresent();
        assertThat(SignupPolicy.parse("example.com")).isEmpty();
        assertThat(SignupPolicy.parse("")).isEmpty();
        assertThat(SignupPolicy.parse(null)).isEmpty();
    }
}
