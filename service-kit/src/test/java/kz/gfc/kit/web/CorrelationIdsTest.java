package kz.gfc.kit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class CorrelationIdsTest {

    private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");

    @Test
    void R23_aCorrelationIdTheServiceMakesNeverHoldsARunOfTwelveDigits() {
        // a UUID's last group is all digits about once in 300: 100 000 ids would show hundreds
        for (int i = 0; i < 100_000; i++) {
            String id = CorrelationIds.newId();
            assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(TWELVE_DIGITS.matcher(id).find()).as(id).isFalse();
        }
    }
}
