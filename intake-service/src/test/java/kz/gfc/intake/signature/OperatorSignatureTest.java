package kz.gfc.intake.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kz.gfc.kit.eds.CanonicalJson;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.iin.SyntheticIins;
import kz.gfc.kit.problem.Language;
import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.testing.TestPki.Authority;
import kz.gfc.kit.testing.TestPki.Holder;
import kz.gfc.kit.testing.TestPki.Spec;
import kz.gfc.kit.testing.TestPki;

/** R8: an application is accepted only under its operator's own valid EDS over its canonical content. */
class OperatorSignatureTest {

    static final Iin OPERATOR = Iin.of("850903331779");
    static final String BODY = """
            {"serviceCode":"PASSPORT","branchCode":"ALM-01","language":"kk",
             "applicant":{"iin":"900412448217","fullName":"Әбенова Гүлнар"},
             "payment":{"amount":7384.00,"reference":"KASPI-1"},"signature":"to be replaced"}
            """;

    static Authority ca;
    static Holder operator;
    static CmsOperatorSignatures verifier;

    @TempDir
    static Path dir;

    @BeforeAll
    static void pki() {
        ca = TestPki.authority("ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (RSA) TEST");
        operator = ca.operator(OPERATOR.value());
        Path pem = dir.resolve("ca.pem");
        ca.writePem(pem);
        verifier = CmsOperatorSignatures.trusting(pem);
    }

    static byte[] content() {
        return CanonicalJson.unsigned(BODY);
    }

    @Test
    void R8_theOperatorsOwnValidSignaturePasses() {
        assertThatCode(() -> verifier.verify(content(), operator.sign(content()), OPERATOR)).doesNotThrowAnyException();
    }

    @Test
    void R8_aSignatureWrappedInLinesAsDesktopSignersSendItPasses() {
        String wrapped = operator.sign(content()).replaceAll("(.{76})", "$1\r\n");
        assertThatCode(() -> verifier.verify(content(), wrapped, OPERATOR)).doesNotThrowAnyException();
    }

    @Test
    void R8_aMissingSignatureIsRefused() {
        assertRefused(null, "signature-missing");
        assertRefused("  ", "signature-missing");
    }

    @Test
    void R8_aBrokenSignatureIsRefused() {
        assertRefused("MIIG%%%not-base64", "signature-malformed");
        assertRefused(Base64.getEncoder().encodeToString("not a CMS structure".getBytes(StandardCharsets.UTF_8)),
                "signature-malformed");
        assertRefused("A".repeat(kz.gfc.kit.eds.CmsSignatures.MAX_SIGNATURE_CHARS + 4), "signature-malformed");
        assertRefused(operator.sign(content(), false), "signature-malformed");
    }

    @Test
    void R8_aSignatureOverDifferentContentIsRefused() {
        byte[] other = CanonicalJson.unsigned(BODY.replace("7384.00", "738.40"));
        assertRefused(operator.sign(other), "signature-invalid");
    }

    @Test
    void R8_anExpiredCertificateIsRefused() {
        Instant now = Instant.now();
        Holder expired = ca.issue(new Spec(OPERATOR.value())
                .valid(now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(35))));
        assertRefused(expired.sign(content()), "certificate-expired");
    }

    @Test
    void R8_aCertificateOfAForeignAuthorityIsRefused() {
        Holder foreign = TestPki.authority("ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (RSA) TEST").operator(OPERATOR.value());
        assertRefused(foreign.sign(content()), "certificate-untrusted");
    }

    @Test
    void R8_anotherPersonsCertificateIsRefused() {
        Holder colleague = ca.operator(SyntheticIins.random().value());
        assertRefused(colleague.sign(content()), "signer-not-operator");
    }

    @Test
    void R8_aPersonalCertificateWithoutTheEmployeeRoleIsRefused() {
        Holder personal = ca.issue(new Spec(OPERATOR.value()).roles("1.2.398.3.3.4.1.1"));
        assertRefused(personal.sign(content()), "signer-not-operator");
    }

    @Test
    void R8_anAuthenticationKeyCannotSign() {
        Holder auth = ca.issue(new Spec(OPERATOR.value())
                .keyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        assertRefused(auth.sign(content()), "certificate-not-for-signing");
    }

    @Test
    void R8_aTokenWithoutAnIinMatchesNoSigner() {
        ProblemException p = catchThrowableOfType(ProblemException.class,
                () -> verifier.verify(content(), operator.sign(content()), null));
        assertThat(p.code()).isEqualTo("signer-not-operator");
    }

    @Test
    void R8_withoutItsTrustedAuthoritiesTheServiceIsUnavailableNotWrong() {
        CmsOperatorSignatures unconfigured = CmsOperatorSignatures.trusting(dir.resolve("absent.pem"));
        ProblemException p = catchThrowableOfType(ProblemException.class,
                () -> unconfigured.verify(content(), operator.sign(content()), OPERATOR));
        assertThat(p.status()).isEqualTo(503);
    }

    private static void assertRefused(String signature, String code) {
        ProblemException p = catchThrowableOfType(ProblemException.class,
                () -> verifier.verify(content(), signature, OPERATOR));
        assertThat(p).as("refusal " + code).isNotNull();
        assertThat(p.status()).isEqualTo(422);
        assertThat(p.code()).isEqualTo(code);
        assertThat(p.userMessage().in(Language.KK)).isNotBlank().isNotEqualTo(p.userMessage().in(Language.RU));
        assertThat(p.getMessage()).doesNotContain(OPERATOR.value());
    }
}
