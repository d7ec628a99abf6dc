package kz.gfc.kit.iin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Random;

import org.junit.jupiter.api.Test;

class IinTest {

    // 900101 3 0001 ?: weights 1..11 -> 9*1+0+0+1*4+0+1*6+3*7+0+0+0+1*11 = 51, 51 % 11 = 7
    private static final String VALID = "900101300017";

    @Test
    void acceptsANumberWithTheRightCheckDigit() {
        Iin iin = Iin.of(VALID);
        assertThat(iin.value()).isEqualTo(VALID);
        assertThat(iin.birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
        assertThat(iin.male()).isTrue();
    }

    @Test
    void rejectsAWrongCheckDigit() {
        assertThatThrownBy(() -> Iin.of("900101300018"))
                .isInstanceOf(InvalidIinException.class)
                .extracting(e -> ((InvalidIinException) e).reason()).isEqualTo("checksum");
    }

    @Test
    void usesTheSecondWeightsWhenTheFirstSumGivesTen() {
        // find a head whose first sum is 10 mod 11 and check the second pass decides
        String head = null;
        for (int serial = 0; serial < 10_000 && head == null; serial++) {
            String h = String.format("850615%d%04d", 4, serial);
            int first = 0;
            for (int i = 0; i < 11; i++) {
                first += (h.charAt(i) - '0') * (i + 1);
            }
            if (first % 11 == 10) {
                head = h;
            }
        }
        assertThat(head).isNotNull();
        int[] w2 = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};
        int second = 0;
        for (int i = 0; i < 11; i++) {
            second += (head.charAt(i) - '0') * w2[i];
        }
        second %= 11;
        if (second == 10) {
            String h = head;
            assertThatThrownBy(() -> Iin.of(h + "0")).isInstanceOf(InvalidIinException.class);
        } else {
            assertThat(Iin.of(head + second).value()).endsWith(String.valueOf(second));
            for (int d = 0; d <= 9; d++) {
                if (d != second) {
                    String bad = head + d;
                    assertThat(Iin.isValid(bad)).as(bad).isFalse();
                }
            }
        }
    }

    @Test
    void rejectsACenturyDigitOutsideOneToSix() {
        assertThatThrownBy(() -> Iin.of("900101700017"))
                .extracting(e -> ((InvalidIinException) e).reason()).isEqualTo("century");
        assertThatThrownBy(() -> Iin.of("900101000017"))
                .extracting(e -> ((InvalidIinException) e).reason()).isEqualTo("century");
    }

    @Test
    void rejectsAnImpossibleDate() {
        assertThatThrownBy(() -> Iin.of("901301300017"))
                .extracting(e -> ((InvalidIinException) e).reason()).isEqualTo("date");
        // 29 Feb 1900 did not exist (century digit 3 = 1900s), 29 Feb 2000 did (digit 5)
        assertThatThrownBy(() -> Iin.of("000229300000"))
                .extracting(e -> ((InvalidIinException) e).reason()).isIn("date");
        assertThat(SyntheticIins.forDate(LocalDate.of(2000, 2, 29), true, 9001) == null
                || Iin.isValid(SyntheticIins.forDate(LocalDate.of(2000, 2, 29), true, 9001))).isTrue();
    }

    @Test
    void rejectsWrongLengthAndNonDigits() {
        assertThat(Iin.isValid("90010130001")).isFalse();
        assertThat(Iin.isValid("9001013000170")).isFalse();
        assertThat(Iin.isValid("90010130001a")).isFalse();
        assertThat(Iin.isValid(null)).isFalse();
        assertThat(Iin.isValid("")).isFalse();
    }

    @Test
    void masksForLogsAndNeverPrintsTheClearNumber() {
        Iin iin = Iin.of(VALID);
        assertThat(iin.masked()).isEqualTo("********0017");
        assertThat(iin.toString()).isEqualTo("********0017").doesNotContain(VALID);
    }

    @Test
    void aMaskShowsAtMostTheLastFourDigitsNeverTheBirthDate() {
        assertThat(Iin.mask(VALID)).isEqualTo("********0017").doesNotContain(VALID.substring(0, 6));
        assertThat(Iin.mask("12345678901")).isEqualTo("*******8901"); // raw input of the wrong length too
        assertThat(Iin.mask("1234567")).isEqualTo("********");
        assertThat(Iin.mask(null)).isEqualTo("********");
        for (int i = 0; i < 50; i++) {
            String raw = SyntheticIins.random().value();
            assertThat(Iin.mask(raw).replace("*", "")).isEqualTo(raw.substring(8));
        }
    }

    @Test
    void pseudonymIsStablePerSecretAndDiffersAcrossSecrets() {
        Iin iin = Iin.of(VALID);
        Pseudonymizer a = new Pseudonymizer("secret-number-one-0001");
        Pseudonymizer a2 = new Pseudonymizer("secret-number-one-0001");
        Pseudonymizer b = new Pseudonymizer("secret-number-two-0002");
        assertThat(a.pseudonym(iin)).isEqualTo(a2.pseudonym(iin)).doesNotContain(VALID).startsWith("p1:");
        assertThat(a.pseudonym(iin)).isNotEqualTo(b.pseudonym(iin));
        assertThat(a.pseudonym(iin)).isNotEqualTo(a.pseudonym(SyntheticIins.random(new Random(7))));
    }

    @Test
    void syntheticIinsAreValid() {
        Random r = new Random(42);
        for (int i = 0; i < 500; i++) {
            Iin iin = SyntheticIins.random(r);
            assertThat(Iin.isValid(iin.value())).isTrue();
        }
    }
}
