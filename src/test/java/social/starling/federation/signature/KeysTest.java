package social.starling.federation.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;

class KeysTest {
    /** The example key of Mastodon's documentation (spec/security), as actors publish it. */
    static final String MASTODON_DOCS_KEY = "-----BEGIN PUBLIC KEY-----\n"
            + "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvXc4vkECU2/CeuSo1wtn\n"
            + "Foim94Ne1jBMYxTZ9wm2YTdJq1oiZKif06I2fOqDzY/4q/S9uccrE9Bkajv1dnkO\n"
            + "Vm31QjWlhVpSKynVxEWjVBO5Ienue8gND0xvHIuXf87o61poqjEoepvsQFElA5ym\n"
            + "ovljWGSA/jpj7ozygUZhCXtaS2W5AD5tnBQUpcO0lhItYPYTjnmzcc4y2NbJV8hz\n"
            + "2s2G8qKv8fyimE23gY1XrPJg+cRF+g4PqFXujjlJ7MihD9oqtLGxbu7o1cifTn3x\n"
            + "BfIdPythWu5b4cujNsB3m3awJjVmx+MHQ9SugkSIYXV0Ina77cTNS0M2PYiH1PFR\n"
            + "TwIDAQAB\n"
            + "-----END PUBLIC KEY-----\n";

    @Test
    void generatesRsa2048AndRoundTripsThroughPem() {
        KeyPair pair = TestKeys.ALICE;
        assertThat(((RSAPublicKey) pair.getPublic()).getModulus().bitLength()).isEqualTo(2048);
        String publicPem = Keys.toPem(pair.getPublic());
        String privatePem = Keys.toPem(pair.getPrivate());
        assertThat(publicPem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        assertThat(privatePem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(publicPem.lines().skip(1).limit(5)).allMatch(line -> line.length() == 64);
        assertThat(Keys.publicKeyFromPem(publicPem)).isEqualTo(pair.getPublic());
        assertThat(Keys.privateKeyFromPem(privatePem)).isEqualTo(pair.getPrivate());
    }

    @Test
    void writesExactlyWhatGenerateAccountKeysServiceStores() throws Exception {
        // The account keys job keeps its own (package-private) writer; the two must never drift apart.
        Class<?> service = Class.forName("social.starling.service.account.GenerateAccountKeysService");
        Method pem = service.getDeclaredMethod("pem", String.class, byte[].class);
        pem.setAccessible(true);
        KeyPair pair = TestKeys.ALICE;
        assertThat(Keys.toPem(pair.getPublic())).isEqualTo(pem.invoke(null, "PUBLIC KEY", pair.getPublic().getEncoded()));
        assertThat(Keys.toPem(pair.getPrivate()))
                .isEqualTo(pem.invoke(null, "PRIVATE KEY", pair.getPrivate().getEncoded()));
    }

    @Test
    void readsMastodonsPublishedForm() {
        PublicKey key = Keys.publicKeyFromPem(MASTODON_DOCS_KEY);
        assertThat(key.getAlgorithm()).isEqualTo("RSA");
        assertThat(((RSAPublicKey) key).getModulus().bitLength()).isEqualTo(2048);
        // As it appears inside JSON once unescaped, with \r\n, or with text around it.
        assertThat(Keys.publicKeyFromPem(MASTODON_DOCS_KEY.replace("\n", "\r\n"))).isEqualTo(key);
        assertThat(Keys.publicKeyFromPem("junk before\n" + MASTODON_DOCS_KEY + "after")).isEqualTo(key);
    }

    @Test
    void readsPkcs1RsaKeys() {
        RSAPublicKey publicKey = (RSAPublicKey) Keys.publicKeyFromPem(Rfc9421Keys.RSA_PUBLIC);
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) Keys.privateKeyFromPem(Rfc9421Keys.RSA_PRIVATE);
        assertThat(publicKey.getModulus()).isEqualTo(privateKey.getModulus());
        assertThat(publicKey.getPublicExponent()).isEqualTo(privateKey.getPublicExponent());
        assertThat(Keys.toPem(publicKey)).startsWith("-----BEGIN PUBLIC KEY-----");
    }

    @Test
    void readsEd25519AndRsaPssKeys() {
        assertThat(Keys.publicKeyFromPem(Rfc9421Keys.ED25519_PUBLIC).getAlgorithm()).isIn("EdDSA", "Ed25519");
        assertThat(Keys.privateKeyFromPem(Rfc9421Keys.ED25519_PRIVATE).getAlgorithm()).isIn("EdDSA", "Ed25519");
        PrivateKey pss = Keys.privateKeyFromPem(Rfc9421Keys.RSA_PSS_PRIVATE);
        assertThat(pss.getAlgorithm()).isIn("RSA", "RSASSA-PSS");
    }

    @Test
    void refusesWhatIsNotAKey() {
        assertThatThrownBy(() -> Keys.publicKeyFromPem("hello")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Keys.publicKeyFromPem(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Keys.publicKeyFromPem(Keys.toPem(TestKeys.ALICE.getPrivate())))
                .hasMessageContaining("not a public key");
        assertThatThrownBy(() -> Keys.privateKeyFromPem(MASTODON_DOCS_KEY)).hasMessageContaining("not a private key");
        assertThatThrownBy(() -> Keys.publicKeyFromPem(
                "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"))
                .hasMessage("unreadable public key");
        assertThatThrownBy(() -> Keys.publicKeyFromPem("-----BEGIN PUBLIC KEY-----\n" + "A".repeat(20_000)
                + "\n-----END PUBLIC KEY-----\n")).isInstanceOf(IllegalArgumentException.class);
    }
}
