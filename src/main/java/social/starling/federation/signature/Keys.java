package social.starling.federation.signature;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Actor keys: RSA-2048 generation and PEM. Writes exactly the text {@code GenerateAccountKeysService} stores
 * (SPKI {@code PUBLIC KEY} and PKCS#8 {@code PRIVATE KEY}, base64 in 64-character lines, {@code \n} line ends, a
 * final newline), which is also the {@code publicKeyPem} Mastodon publishes. Reads those, and the PKCS#1
 * {@code RSA PUBLIC KEY} / {@code RSA PRIVATE KEY} forms some servers publish (Ruby's OpenSSL, hence Mastodon, reads
 * both). Ed25519 keys in SPKI / PKCS#8 are read too.
 */
public final class Keys {
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");
    /** DER of AlgorithmIdentifier { rsaEncryption, NULL }. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    private static final int MAX_PEM_CHARS = 16_384;

    private Keys() {
    }

    /** A new RSA-2048 key pair (about 100-150 ms: keep it off request threads). */
    public static KeyPair generateRsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String toPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    public static String toPem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    /**
     * Reads a public key: SPKI ({@code PUBLIC KEY}, RSA or Ed25519) or PKCS#1 ({@code RSA PUBLIC KEY}).
     *
     * @throws IllegalArgumentException when the text holds no such key
     */
    public static PublicKey publicKeyFromPem(String pem) {
        Block block = block(pem);
        try {
            return switch (block.type()) {
                case "PUBLIC KEY" -> firstThatReads(List.of("RSA", "Ed25519", "RSASSA-PSS"),
                        factory -> factory.generatePublic(new X509EncodedKeySpec(block.der())));
                case "RSA PUBLIC KEY" -> KeyFactory.getInstance("RSA")
                        .generatePublic(new X509EncodedKeySpec(sequence(RSA_ALGORITHM, bitString(block.der()))));
                default -> throw new IllegalArgumentException("not a public key (" + block.type() + ")");
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unreadable public key");
        }
    }

    /**
     * Reads a private key: PKCS#8 ({@code PRIVATE KEY}, RSA, RSASSA-PSS or Ed25519) or PKCS#1
     * ({@code RSA PRIVATE KEY}).
     *
     * @throws IllegalArgumentException when the text holds no such key
     */
    public static PrivateKey privateKeyFromPem(String pem) {
        Block block = block(pem);
        try {
            return switch (block.type()) {
                case "PRIVATE KEY" -> firstThatReads(List.of("RSA", "Ed25519", "RSASSA-PSS"),
                        factory -> factory.generatePrivate(new PKCS8EncodedKeySpec(block.der())));
                case "RSA PRIVATE KEY" -> KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                        sequence(new byte[] {0x02, 0x01, 0x00}, RSA_ALGORITHM, octetString(block.der()))));
                default -> throw new IllegalArgumentException("not a private key (" + block.type() + ")");
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unreadable private key");
        }
    }

    private interface Reader<T> {
        T read(KeyFactory factory) throws GeneralSecurityException;
    }

    private static <T> T firstThatReads(List<String> algorithms, Reader<T> reader) throws GeneralSecurityException {
        GeneralSecurityException last = null;
        for (String algorithm : algorithms) {
            try {
                return reader.read(KeyFactory.getInstance(algorithm));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }

    private record Block(String type, byte[] der) {
    }

    private static Block block(String pem) {
        if (pem == null || pem.length() > MAX_PEM_CHARS) {
            throw new IllegalArgumentException("not a PEM key");
        }
        Matcher m = PEM.matcher(pem);
        if (!m.find()) {
            throw new IllegalArgumentException("not a PEM key");
        }
        try {
            return new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a PEM key");
        }
    }

    static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    // Minimal DER writing, enough to wrap PKCS#1 keys in their SPKI / PKCS#8 envelopes.

    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        return tagged(0x30, content.toByteArray());
    }

    private static byte[] bitString(byte[] bytes) {
        byte[] content = new byte[bytes.length + 1]; // leading byte: no unused bits
        System.arraycopy(bytes, 0, content, 1, bytes.length);
        return tagged(0x03, content);
    }

    private static byte[] octetString(byte[] bytes) {
        return tagged(0x04, bytes);
    }

    private static byte[] tagged(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length <= 0xFF) {
            out.write(0x81);
            out.write(length);
        } else if (length <= 0xFFFF) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xFF);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write((length >> 8) & 0xFF);
            out.write(length & 0xFF);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}
