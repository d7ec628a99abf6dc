package kz.gfc.kit.iin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class IinCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("another-key-of-32-bytes-exactly!".getBytes());

    @Test
    void R23_anIinAtRestIsNotItsDigitsAndOpensOnlyUnderItsKeyAndPurpose() {
        Iin iin = SyntheticIins.random(new java.util.Random(7));
        IinCipher cipher = new IinCipher(KEY);

        String stored = cipher.encrypt(iin, "intake.applicant");
        assertThat(stored).startsWith("v1:").doesNotContain(iin.value());
        assertThat(cipher.encrypt(iin, "intake.applicant")).as("a fresh nonce each time").isNotEqualTo(stored);
        assertThat(cipher.decrypt(stored, "intake.applicant")).isEqualTo(iin);

        assertThatThrownBy(() -> cipher.decrypt(stored, "consent.subject")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IinCipher(OTHER_KEY).decrypt(stored, "intake.applicant"))
                .isInstanceOf(IllegalArgumentException.class);
        String tampered = stored.substring(0, stored.length() - 4) + (stored.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> cipher.decrypt(tampered, "intake.applicant")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyThatIsNot32BytesIsRefusedAtOnce() {
        assertThatThrownBy(() -> new IinCipher("c2hvcnQ=")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IinCipher("not base64!")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IinCipher(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
