package social.starling.federation.signature;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Optional;

/**
 * The signature algorithms Starling verifies, with their RFC 9421 names. Fediverse keys are RSA (every
 * implementation) and sometimes Ed25519 (FEP-521a); ECDSA and HMAC are not used between servers and are refused.
 */
public enum SignatureAlgorithm {
    /** RSASSA-PKCS1-v1_5 with SHA-256: draft-cavage "rsa-sha256" and "hs2019" with an RSA key; Mastodon's only one. */
    RSA_V1_5_SHA256("rsa-v1_5-sha256"),
    RSA_PSS_SHA512("rsa-pss-sha512"),
    ED25519("ed25519");

    public final String rfc9421Name;

    SignatureAlgorithm(String rfc9421Name) {
        this.rfc9421Name = rfc9421Name;
    }

    static Optional<SignatureAlgorithm> byRfc9421Name(String name) {
        for (SignatureAlgorithm a : values()) {
            if (a.rfc9421Name.equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /**
     * The algorithm a key implies when the signature does not name one (RFC 9421 section 3.3.7: the key material
     * decides): an RSA key means RSASSA-PKCS1-v1_5 (what every fediverse RSA key is used for), a key generated as
     * RSASSA-PSS means PSS with SHA-512, an Ed25519 key Ed25519.
     */
    static Optional<SignatureAlgorithm> implied(Key key) {
        return switch (key.getAlgorithm()) {
            case "RSA" -> Optional.of(RSA_V1_5_SHA256);
            case "RSASSA-PSS" -> Optional.of(RSA_PSS_SHA512);
            case "EdDSA", "Ed25519" -> Optional.of(ED25519);
            default -> Optional.empty();
        };
    }

    /** Whether the key can verify this algorithm. */
    boolean fits(Key key) {
        String type = key.getAlgorithm();
        return switch (this) {
            case RSA_V1_5_SHA256 -> type.equals("RSA");
            case RSA_PSS_SHA512 -> type.equals("RSA") || type.equals("RSASSA-PSS");
            case ED25519 -> type.equals("EdDSA") || type.equals("Ed25519");
        };
    }

    /** True when the signature is valid; false for a wrong signature, a wrong-sized one or an unusable key. */
    boolean verify(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature verifier = instance();
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (InvalidKeyException | SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature signer = instance();
            signer.initSign(key);
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with this key: " + e.getMessage(), e);
        }
    }

    private Signature instance() throws GeneralSecurityException {
        return switch (this) {
            case RSA_V1_5_SHA256 -> Signature.getInstance("SHA256withRSA");
            case RSA_PSS_SHA512 -> {
                Signature s = Signature.getInstance("RSASSA-PSS");
                s.setParameter(new PSSParameterSpec("SHA-512", "MGF1", MGF1ParameterSpec.SHA512, 64, 1));
                yield s;
            }
            case ED25519 -> Signature.getInstance("Ed25519");
        };
    }
}
