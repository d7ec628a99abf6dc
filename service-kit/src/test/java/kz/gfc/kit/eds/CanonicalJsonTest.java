package kz.gfc.kit.eds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import kz.gfc.kit.problem.ProblemException;

/** R8: the operator signs the RFC 8785 form of the application, so layout never breaks a signature. */
class CanonicalJsonTest {

    @Test
    void R8_orderSpacingAndNumberSpellingDoNotChangeWhatIsSigned() {
        byte[] a = CanonicalJson.unsigned("{\"b\": 5000.00, \"a\": \"Қ\", \"signature\": \"x\"}");
        byte[] b = CanonicalJson.unsigned("{\"a\":\"\\u049a\",\"b\":5e3}");
        assertThat(a).isEqualTo(b);
        assertThat(new String(a, StandardCharsets.UTF_8)).isEqualTo("{\"a\":\"Қ\",\"b\":5000}");
    }

    @Test
    void R8_onlyTheTopLevelSignatureIsLeftOut() {
        String canonical = new String(CanonicalJson.unsigned(
                "{\"signature\":\"s\",\"attachments\":[{\"signature\":\"kept\"}]}"), StandardCharsets.UTF_8);
        assertThat(canonical).isEqualTo("{\"attachments\":[{\"signature\":\"kept\"}]}");
    }

    @Test
    void R8_aBodyThatIsNoJsonObjectIsABadRequest() {
        assertThat(catchThrowableOfType(ProblemException.class, () -> CanonicalJson.unsigned("[1,2]")).status())
                .isEqualTo(400);
        assertThat(catchThrowableOfType(ProblemException.class, () -> CanonicalJson.unsigned("{\"a\":")).status())
                .isEqualTo(400);
    }
}
