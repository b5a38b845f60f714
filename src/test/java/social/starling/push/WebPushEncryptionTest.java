package social.starling.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import social.starling.service.push.P256;

/** RFC 8291's own example (Appendix A), and the limits of one record. */
class WebPushEncryptionTest {
    private static byte[] b64(String s) {
        return Base64.getUrlDecoder().decode(s);
    }

    @Test
    void reproducesTheExampleOfRfc8291AppendixA() throws GeneralSecurityException {
        byte[] asPublic = b64("BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8");
        KeyPair as = new KeyPair(P256.publicKey(asPublic),
                P256.privateKey(b64("yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw")));
        byte[] body = WebPushEncryption.encrypt(
                "When I grow up, I want to be a watermelon".getBytes(StandardCharsets.UTF_8),
                b64("BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4"),
                b64("BTBZMqHH6r4Tts7J_aSIgg"), as, b64("DGv6ra1nlYgDCS1FRnbzlw"));
        assertThat(P256.base64Url(body)).isEqualTo("DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27ml"
                + "mlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVW"
                + "GNWQexSgSxsj_Qulcy4a-fN");
        assertThat(P256.base64Url(P256.encode(as.getPublic()))).isEqualTo(P256.base64Url(asPublic));
    }

    @Test
    void refusesWhatOneRecordCannotHoldAndKeysOffTheCurve() {
        KeyPair ua = P256.generate();
        byte[] point = P256.encode(ua.getPublic());
        assertThatThrownBy(() -> WebPushEncryption.encrypt(new byte[WebPushEncryption.MAX_PLAINTEXT + 1], point,
                new byte[16])).isInstanceOf(GeneralSecurityException.class);
        byte[] off = point.clone();
        off[64] ^= 1;
        assertThatThrownBy(() -> P256.publicKey(off)).isInstanceOf(GeneralSecurityException.class);
    }
}
