package kz.gfc.intake.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import kz.gfc.kit.problem.ProblemException;

/** R15.5: a receipt's QR link proves the receipt genuine and says nothing about the person. */
class ReceiptCodesTest {

    static final String SECRET = "test-only-receipt-secret-not-for-production";

    static ReceiptCodes codes(String secret) {
        return new ReceiptCodes(new ReceiptConfig() {
            @Override
            public Optional<String> secret() {
                return Optional.ofNullable(secret);
            }

            @Override
            public String publicBaseUrl() {
                return "https://gfc.example.kz/";
            }
        });
    }

    @Test
    void R15_5_theCodeOfAReceiptVerifiesThatReceiptOnly() {
        ReceiptCodes codes = codes(SECRET);
        String code = codes.code("ALM-01-2026-000123");
        assertThat(code).matches("[A-Za-z0-9_-]{22}");
        assertThat(codes.matches("ALM-01-2026-000123", code)).isTrue();
        assertThat(codes.matches("ALM-01-2026-000124", code)).isFalse();
        assertThat(codes.matches("ALM-01-2026-000123", code.substring(1) + "A")).isFalse();
        assertThat(codes.matches("ALM-01-2026-000123", null)).isFalse();
        assertThat(codes.matches("ALM-01-2026-000123", "x".repeat(10_000))).isFalse();
    }

    @Test
    void R15_5_anotherSecretMakesOtherCodes() {
        assertThat(codes(SECRET).code("ALM-01-2026-000123"))
                .isNotEqualTo(codes(SECRET + "-other").code("ALM-01-2026-000123"));
    }

    @Test
    void R15_5_theLinkHoldsOnlyTheNumberAndTheCode() {
        ReceiptCodes codes = codes(SECRET);
        String url = codes.verificationUrl("ALM-01/2026 7");
        assertThat(url).isEqualTo("https://gfc.example.kz/api/v1/applications/receipts/ALM-01%2F2026%207/verify?code="
                + codes.code("ALM-01/2026 7"));
    }

    @Test
    void R15_5_withoutASecretReceiptCodesAreUnavailable() {
        assertThat(catchThrowableOfType(ProblemException.class, () -> codes(null).code("N")).status()).isEqualTo(503);
        assertThat(catchThrowableOfType(ProblemException.class, () -> codes("short").code("N")).status()).isEqualTo(503);
    }
}
