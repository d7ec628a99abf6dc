package kz.gfc.kit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditMaskTest {

    @Test
    void R23_twelveDigitsAreMaskedButNotTheLastGroupOfAUuid() {
        assertThat(AuditTrail.mask("/api/v1/people/900412448217")).isEqualTo("/api/v1/people/********8217");
        assertThat(AuditTrail.mask("087cf181-a5fc-4c0f-be9d-626194158013")).isEqualTo("087cf181-a5fc-4c0f-be9d-626194158013");
        assertThat(AuditTrail.mask("x-626194158013")).isEqualTo("x-********8013");
    }
}
