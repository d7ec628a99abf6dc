package kz.gfc.kit.iin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed, non-reversible pseudonym of an IIN for events (R23): HMAC-SHA-256 with a secret.
 * The same IIN gives the same pseudonym under one secret, so analysts can count visits of
 * one person without ever learning who it is; without the secret a pseudonym cannot be
 * brute-forced back from the small IIN space.
 */
public final class Pseudonymizer {

    private final SecretKeySpec key;

    public Pseudonymizer(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("pseudonym secret must be at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String pseudonym(Iin iin) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return "p1:" + HexFormat.of().formatHex(mac.doFinal(iin.value().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
