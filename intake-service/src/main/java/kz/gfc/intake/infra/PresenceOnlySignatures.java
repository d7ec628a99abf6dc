package kz.gfc.intake.infra;

import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;
import kz.gfc.intake.domain.OperatorSignatures;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.problem.Problem;
import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.problem.Text;

/**
 * Stands in until a cryptographic verifier is deployed: it refuses a missing signature or one
 * that is not base64 of a DER structure, and checks nothing else. Any other
 * {@link OperatorSignatures} bean (the BouncyCastle CMS verifier) replaces it.
 */
@ApplicationScoped
@DefaultBean
public class PresenceOnlySignatures implements OperatorSignatures {

    @Override
    public void verify(byte[] signedContent, String signatureBase64, Iin operatorIin) {
        if (signatureBase64 == null || signatureBase64.isBlank()) {
            throw invalid("the operator's signature is missing");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(signatureBase64);
        } catch (IllegalArgumentException e) {
            throw invalid("the operator's signature is not base64");
        }
        // a CMS ContentInfo is a DER SEQUENCE
        if (der.length < 16 || (der[0] & 0xff) != 0x30) {
            throw invalid("the operator's signature is not a CMS structure");
        }
    }

    static ProblemException invalid(String detail) {
        return ProblemException.unprocessable("signature-invalid", detail,
                Text.of("Оператордың ЭЦҚ қолтаңбасы жарамсыз", "Подпись ЭЦП оператора недействительна"),
                new Problem.FieldError("signature", detail));
    }
}
