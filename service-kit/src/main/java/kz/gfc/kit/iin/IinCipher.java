package kz.gfc.kit.iin;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * An IIN kept at rest where a service must hand it on (intake to the provider, consent for
 * its subject): AES-256-GCM under a key from configuration, a fresh 96-bit nonce per value,
 * and the column's purpose as associated data, so a ciphertext copied into another column or
 * table does not decrypt there. Lookups never decrypt: they go by the {@link Pseudonymizer}'s
 * pseudonym kept beside the ciphertext.
 *
 * <p>Stored form: {@code v1:} then base64 of nonce ‖ ciphertext ‖ tag. The version prefix lets
 * a later key or algorithm live beside this one during a re-encryption.
 */
public final class IinCipher {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** {@code base64Key}: 32 random bytes, base64 — e.g. {@code openssl rand -base64 32}. */
    public IinCipher(String base64Key) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key == null ? "" : base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the IIN encryption key is not base64");
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException("the IIN encryption key must be 32 bytes (base64 of 32 random bytes)");
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    /** Encrypts for the column named by {@code purpose} (e.g. {@code "intake.application.applicant"}). */
    public String encrypt(Iin iin, String purpose) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(iin.value().getBytes(StandardCharsets.US_ASCII));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM unavailable", e);
        }
    }

    /** The IIN back; a value altered, sealed for another purpose or under another key is refused. */
    public Iin decrypt(String stored, String purpose) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not an encrypted IIN of version v1");
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("an encrypted IIN that is not base64");
        }
        if (all.length <= NONCE_BYTES) {
            throw new IllegalArgumentException("an encrypted IIN too short to hold a nonce and a tag");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
            return Iin.of(new String(plain, StandardCharsets.US_ASCII));
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException("the encrypted IIN does not open under this key and purpose");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM unavailable", e);
        }
    }
}
