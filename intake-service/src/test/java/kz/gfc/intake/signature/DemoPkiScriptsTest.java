package kz.gfc.intake.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kz.gfc.kit.eds.CanonicalJson;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.problem.ProblemException;

/**
 * R8: the demo PKI of deploy/local (openssl) makes certificates this verifier accepts for the
 * right operator, and sign.sh signs exactly the canonical bytes the service checks.
 */
class DemoPkiScriptsTest {

    static final Path SCRIPTS = Path.of("..", "deploy", "local").toAbsolutePath().normalize();

    @TempDir
    Path state;

    @Test
    void R8_theDemoOperatorsSignatureFromSignShIsAcceptedForThatOperatorOnly() throws Exception {
        assumeTrue(onPath("openssl") && onPath("jq"), "openssl and jq are needed by the demo scripts");
        run(List.of(SCRIPTS.resolve("pki.sh").toString()));
        String body = """
                {"serviceCode":"PASSPORT", "payment":{"amount":7384.00},
                 "applicant":{"fullName":"Әбенова Гүлнар"}, "signature":"old"}
                """;
        Path payload = state.resolve("payload.json");
        Files.writeString(payload, body);
        String signature = run(List.of(SCRIPTS.resolve("sign.sh").toString(), payload.toString(), "operator1")).strip();

        CmsOperatorSignatures verifier = CmsOperatorSignatures.trusting(state.resolve("pki/ca.pem"));
        byte[] content = CanonicalJson.unsigned(body);
        assertThatCode(() -> verifier.verify(content, signature, Iin.of("850903331779"))).doesNotThrowAnyException();
        ProblemException asSupervisor = catchThrowableOfType(ProblemException.class,
                () -> verifier.verify(content, signature, Iin.of("790127422902")));
        assertThat(asSupervisor.code()).isEqualTo("signer-not-operator");
    }

    private String run(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false);
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
