package kz.gfc.consent.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Six-digit one-time codes: drawn from a SecureRandom, kept only as HMAC-SHA-256 of a fresh
 * salt, the request id and the code under a server key, compared in constant time. Neither
 * the code nor its hash is ever logged.
 */
@ApplicationScoped
public class OneTimeCodes {

    private final SecureRandom random = new SecureRandom();
    private final ConsentConfig config;
    private volatile SecretKeySpec key;

    public OneTimeCodes(ConsentConfig config) {
        this.config = config;
    }

    public String newCode() {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    public String newSalt() {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return HexFormat.of().formatHex(salt);
    }

    public String hash(UUID requestId, String salt, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return HexFormat.of().formatHex(mac.doFinal((salt + ":" + requestId + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public boolean matches(ConsentRequest r, String code) {
        return MessageDigest.isEqual(hash(r.id, r.codeSalt, code).getBytes(StandardCharsets.US_ASCII),
                r.codeHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** Read at first use, like the IIN key: a service without it starts, and refuses to issue codes. */
    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            String configured = config.codeKey().orElseThrow(
                    () -> new IllegalStateException("gfc.consent.code-key (GFC_CONSENT_CODE_KEY) is not set"));
            if (configured.length() < 32) {
                throw new IllegalStateException("gfc.consent.code-key must be at least 32 characters");
            }
            k = new SecretKeySpec(configured.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
            key = k;
        }
        return k;
    }
}
