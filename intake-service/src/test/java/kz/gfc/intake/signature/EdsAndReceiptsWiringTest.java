package kz.gfc.intake.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.intake.domain.OperatorSignatures;
import kz.gfc.intake.receipt.Receipt;
import kz.gfc.intake.receipt.ReceiptCodes;
import kz.gfc.intake.receipt.ReceiptRenderer;
import kz.gfc.kit.eds.CanonicalJson;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.testing.RealInfrastructure;
import kz.gfc.kit.testing.TestPki;

/**
 * R8, R15.5: inside the running service the operator-signature seam is the CMS verifier, it
 * trusts the %test authority, and receipts get codes and print under the %test configuration.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class EdsAndReceiptsWiringTest {

    @Inject
    OperatorSignatures signatures;
    @Inject
    ReceiptCodes codes;
    @Inject
    ReceiptRenderer renderer;

    @Test
    void R8_theServiceVerifiesOperatorsSignaturesAgainstItsConfiguredAuthority() {
        TestPki pki = TestPki.shared();
        Iin operator = Iin.of("850903331779");
        byte[] content = CanonicalJson.unsigned("{\"serviceCode\":\"ID_CARD\",\"signature\":null}");
        assertThatCode(() -> signatures.verify(content, pki.ca.operator(operator.value()).sign(content), operator))
                .doesNotThrowAnyException();
        String foreign = TestPki.authority("OTHER CA").operator(operator.value()).sign(content);
        assertThat(catchThrowableOfType(ProblemException.class, () -> signatures.verify(content, foreign, operator))
                .code()).isEqualTo("certificate-untrusted");
    }

    @Test
    void R15_5_receiptsAreCodedAndPrintedWithTheServicesConfiguration() {
        String url = codes.verificationUrl("ALM-01-2026-000001");
        assertThat(url).startsWith("http://127.0.0.1:8080/api/v1/applications/receipts/ALM-01-2026-000001/verify?code=");
        assertThat(codes.matches("ALM-01-2026-000001", url.substring(url.indexOf("code=") + 5))).isTrue();
        Receipt receipt = new Receipt("ALM-01-2026-000001", UUID.randomUUID(), Receipt.Status.ACCEPTED, "ID_CARD",
                "Жеке куәлік", "Удостоверение личности", "ALM-01", "Қасымов Ерлан", Instant.now(),
                LocalDate.now().plusDays(10), List.of("Өтініш"), List.of(), List.of(), null, "kk", url);
        assertThat(renderer.pdf(receipt)).startsWith("%PDF".getBytes());
    }
}
