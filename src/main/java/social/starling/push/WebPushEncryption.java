package social.starling.push;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import javax.crypto.Cipher;
import javax.crypto.KDF;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.HKDFParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import social.starling.service.push.P256;

/**
 * RFC 8291 message encryption for Web Push, in RFC 8188's {@code aes128gcm} content coding, with the JDK alone
 * (ECDH on P-256, HKDF-SHA256 through {@code javax.crypto.KDF}, AES-128-GCM):
 *
 * <pre>
 *   ecdh_secret = ECDH(as_private, ua_public)                  as_*: a key pair made for this one message
 *   IKM   = HKDF(salt = auth_secret, ikm = ecdh_secret, info = "WebPush: info" 0x00 ua_public as_public, 32)
 *   CEK   = HKDF(salt = salt, ikm = IKM, info = "Content-Encoding: aes128gcm" 0x00, 16)
 *   NONCE = HKDF(salt = salt, ikm = IKM, info = "Content-Encoding: nonce" 0x00, 12)
 *   body  = salt(16) rs(4, 4096) idlen(1, 65) as_public(65) AES-GCM(CEK, NONCE, plaintext 0x02)
 * </pre>
 *
 * One record (the payload is small), its delimiter 0x02 marking it the last, no padding.
 *
 * <p>{@link #encryptLegacy} is the older {@code aesgcm} coding of draft-ietf-webpush-encryption-04, which Mastodon
 * still sends to subscriptions that did not ask for the standard ({@code subscription[standard]}, 4.4.0), and which
 * the apps written before it decrypt: salt and the sender's key travel in headers ({@code Encryption: salt=},
 * {@code Crypto-Key: dh=}), the keys are derived with a "P-256" context, and the plaintext is prefixed with a
 * two-byte padding length (zero).
 */
public final class WebPushEncryption {
    public static final int RECORD_SIZE = 4096;
    /** The most plaintext one record holds: the record less the 16-byte tag and the delimiter. */
    public static final int MAX_PLAINTEXT = RECORD_SIZE - 16 - 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebPushEncryption() {
    }

    /** Encrypts {@code plaintext} to the user agent's public point {@code uaPublic} and auth secret. */
    public static byte[] encrypt(byte[] plaintext, byte[] uaPublic, byte[] authSecret) throws GeneralSecurityException {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return encrypt(plaintext, uaPublic, authSecret, P256.generate(), salt);
    }

    static byte[] encrypt(byte[] plaintext, byte[] uaPublic, byte[] authSecret, KeyPair ephemeral, byte[] salt)
            throws GeneralSecurityException {
        if (plaintext.length > MAX_PLAINTEXT) {
            throw new GeneralSecurityException("a push payload holds at most " + MAX_PLAINTEXT + " bytes");
        }
        ECPublicKey ua = P256.publicKey(uaPublic);
        byte[] asPublic = P256.encode(ephemeral.getPublic());
        byte[] ecdhSecret = P256.agree(ephemeral.getPrivate(), ua);

        byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), uaPublic, asPublic);
        byte[] ikm = hkdf(authSecret, ecdhSecret, keyInfo, 32);
        byte[] cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
        byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);

        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] record = gcm.doFinal(concat(plaintext, new byte[] {0x02}));

        ByteBuffer body = ByteBuffer.allocate(16 + 4 + 1 + asPublic.length + record.length);
        body.put(salt).putInt(RECORD_SIZE).put((byte) asPublic.length).put(asPublic).put(record);
        return body.array();
    }

    /** An {@code aesgcm} message: the body, and the salt and sender key its headers carry. */
    public record Legacy(byte[] body, byte[] salt, byte[] senderPublic) {
    }

    /** Encrypts in the legacy {@code aesgcm} coding (see the class comment). */
    public static Legacy encryptLegacy(byte[] plaintext, byte[] uaPublic, byte[] authSecret)
            throws GeneralSecurityException {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return encryptLegacy(plaintext, uaPublic, authSecret, P256.generate(), salt);
    }

    static Legacy encryptLegacy(byte[] plaintext, byte[] uaPublic, byte[] authSecret, KeyPair ephemeral,
                                byte[] salt) throws GeneralSecurityException {
        if (plaintext.length > MAX_PLAINTEXT - 1) {
            throw new GeneralSecurityException("a push payload holds at most " + (MAX_PLAINTEXT - 1) + " bytes");
        }
        ECPublicKey ua = P256.publicKey(uaPublic);
        byte[] asPublic = P256.encode(ephemeral.getPublic());
        byte[] ecdhSecret = P256.agree(ephemeral.getPrivate(), ua);
        byte[] prk = hkdf(authSecret, ecdhSecret, "Content-Encoding: auth\0".getBytes(StandardCharsets.US_ASCII),
                32);
        byte[] context = ByteBuffer.allocate(6 + 2 + uaPublic.length + 2 + asPublic.length)
                .put("P-256\0".getBytes(StandardCharsets.US_ASCII))
                .putShort((short) uaPublic.length).put(uaPublic)
                .putShort((short) asPublic.length).put(asPublic).array();
        byte[] cek = hkdf(salt, prk, concat("Content-Encoding: aesgcm\0".getBytes(StandardCharsets.US_ASCII),
                context), 16);
        byte[] nonce = hkdf(salt, prk, concat("Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII),
                context), 12);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        return new Legacy(gcm.doFinal(concat(new byte[] {0, 0}, plaintext)), salt, asPublic);
    }

    /** HKDF-SHA256 extract-then-expand (RFC 5869). */
    static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws GeneralSecurityException {
        return KDF.getInstance("HKDF-SHA256").deriveData(
                HKDFParameterSpec.ofExtract().addIKM(ikm).addSalt(salt).thenExpand(info, length));
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
