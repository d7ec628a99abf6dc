package kz.gfc.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kz.gfc.kit.eds.CanonicalJson;
import kz.gfc.kit.eds.CmsSignatures;
import kz.gfc.kit.eds.SignerCertificate;
import kz.gfc.kit.iin.Iin;

/**
 * R7: the demo PKI of deploy/local makes citizen1 an individual's SIGN certificate, and
 * sign.sh signs a consent's body exactly as the service verifies it at the window.
 */
class DemoCitizenSignatureTest {

    static final Path SCRIPTS = Path.of("..", "deploy", "local").toAbsolutePath().normalize();

    @TempDir
    Path state;

    @Test
    void R7_citizen1SignsAConsentWithTheDemoPkiAndIsRecognisedAsItsSubject() throws Exception {
        assumeTrue(onPath("openssl") && onPath("jq"), "openssl and jq are needed by the demo scripts");
        run(List.of(SCRIPTS.resolve("pki.sh").toString()));
        String body = """
                {"subject":"900412448217", "recipient":"MVD", "scopes":["PERSONAL_DATA"], "purpose":"ID_CARD",
                 "language":"kk", "signature":"old"}
                """;
        Path payload = state.resolve("consent.json");
        Files.writeString(payload, body);
        String signature = run(List.of(SCRIPTS.resolve("sign.sh").toString(), payload.toString(), "citizen1")).strip();

        SignerCertificate signer = CmsSignatures.trusting(state.resolve("pki/ca.pem"))
                .verify(CanonicalJson.unsigned(body), signature);
        assertThat(signer.isOf(Iin.of("900412448217"))).isTrue();
        assertThat(signer.hasRole(SignerCertificate.INDIVIDUAL_ROLE_OID)).isTrue();
        assertThat(signer.hasRole(SignerCertificate.EMPLOYEE_ROLE_OID)).isFalse();
        assertThat(signer.signingTime()).isNotNull();
    }

    private String run(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("GFC_STATE_DIR", state.toString());
        // the canonicaliser jar this build resolved, wherever its local repository is
        pb.environment().put("GFC_JCS_JAR", Path.of(org.erdtman.jcs.JsonCanonicalizer.class.getProtectionDomain()
                .getCodeSource().getLocation().toURI()).toString());
        Path err = state.resolve("stderr.txt");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(command + ": " + Files.readString(err)).isZero();
        return out;
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
