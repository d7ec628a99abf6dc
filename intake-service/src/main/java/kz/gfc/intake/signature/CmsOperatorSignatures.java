package kz.gfc.intake.signature;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.gfc.intake.domain.OperatorSignatures;
import kz.gfc.kit.eds.CmsSignatures;
import kz.gfc.kit.eds.SignerCertificate;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.problem.Text;

/**
 * The operator's electronic digital signature (ЭЦҚ / ЭЦП) on an application (R8): the kit's
 * {@link CmsSignatures} checks the CMS, the certificate's validity, its chain to the trusted
 * НУЦ authority and that it is a SIGN key; this adds who may sign an application — an
 * employee's certificate (extendedKeyUsage holds the employee role OID) whose
 * {@code SERIALNUMBER=IIN…} is the logged-in operator's IIN. Each failure is a 422 of its own
 * type; nothing about it is stored.
 *
 * <p>GOST 34.310 / 34.10-2015 keys need the national crypto provider, which is why callers see
 * only {@link OperatorSignatures}: a GOST verifier is another implementation of it.
 */
@ApplicationScoped
public class CmsOperatorSignatures implements OperatorSignatures {

    public static final String EMPLOYEE_ROLE_OID = SignerCertificate.EMPLOYEE_ROLE_OID;

    static final Text NOT_OPERATOR = Text.of(
            "Өтінішке жүйеге кірген қызметкердің өз ЭЦҚ-сымен қол қойылуы тиіс",
            "Заявление должно быть подписано ЭЦП сотрудника, вошедшего в систему");

    private final CmsSignatures signatures;

    @Inject
    public CmsOperatorSignatures(CmsSignatures signatures) {
        this.signatures = signatures;
    }

    /** For a verifier outside CDI, e.g. in a plain unit test or a tool. */
    public static CmsOperatorSignatures trusting(java.nio.file.Path trustedCaPem) {
        return new CmsOperatorSignatures(CmsSignatures.trusting(trustedCaPem));
    }

    @Override
    public void verify(byte[] signedContent, String signatureBase64, Iin operatorIin) {
        SignerCertificate signer = signatures.verify(signedContent, signatureBase64);
        if (!signer.hasRole(EMPLOYEE_ROLE_OID)) {
            throw CmsSignatures.refuse("signer-not-operator",
                    "The certificate is not an employee's (extendedKeyUsage lacks " + EMPLOYEE_ROLE_OID + ")",
                    NOT_OPERATOR);
        }
        if (operatorIin == null) {
            throw CmsSignatures.refuse("signer-not-operator",
                    "The caller's token carries no IIN to compare the signer with", NOT_OPERATOR);
        }
        if (!signer.isOf(operatorIin)) {
            // neither number goes into the detail: both are personal data
            throw CmsSignatures.refuse("signer-not-operator",
                    "The certificate's SERIALNUMBER is not the IIN of the operator who is logged in", NOT_OPERATOR);
        }
    }
}
