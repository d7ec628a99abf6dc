package kz.gfc.kit.eds;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.iin.InvalidIinException;

/**
 * Who signed, once {@link CmsSignatures} has accepted the signature: the certificate, and
 * what a caller needs to decide whether this signer may sign this thing (whose IIN, which
 * НУЦ role) and to name the certificate in its evidence.
 *
 * @param signingTime the signed signingTime attribute, the signer's own claim; null when absent
 * @param signatureId SHA-256 (hex) of the signer's signature value: the same act of signing
 *        presented twice has the same id, a new signing over the same content another one
 */
public record SignerCertificate(X509Certificate certificate, Instant signingTime, String signatureId) {

    /** extendedKeyUsage role of an individual's certificate in НУЦ РК's profile. */
    public static final String INDIVIDUAL_ROLE_OID = "1.2.398.3.3.4.1.1";
    /** extendedKeyUsage role of a legal entity's certificate. */
    public static final String LEGAL_ENTITY_ROLE_OID = "1.2.398.3.3.4.1.2";
    /** extendedKeyUsage role of an organisation's employee (under the legal-entity role). */
    public static final String EMPLOYEE_ROLE_OID = "1.2.398.3.3.4.1.2.5";

    /** The certificate's serial number in hex, as НУЦ and desktop signers show it. */
    public String serialNumber() {
        return certificate.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT);
    }

    /** The issuing authority's distinguished name (RFC 2253). */
    public String issuer() {
        return certificate.getIssuerX500Principal().getName();
    }

    /** The IIN the subject's {@code SERIALNUMBER=IIN…} names, if it names a valid one. */
    public Optional<Iin> iin() {
        RDN[] rdns = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded())
                .getRDNs(BCStyle.SERIALNUMBER);
        if (rdns.length != 1 || rdns[0].isMultiValued()) {
            return Optional.empty();
        }
        String serial = IETFUtils.valueToString(rdns[0].getFirst().getValue());
        if (!serial.startsWith("IIN")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Iin.of(serial.substring(3)));
        } catch (InvalidIinException e) {
            return Optional.empty();
        }
    }

    /** Whether the certificate's extendedKeyUsage holds this НУЦ role. */
    public boolean hasRole(String oid) {
        try {
            List<String> roles = certificate.getExtendedKeyUsage();
            return roles != null && roles.contains(oid);
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    /** Whether the subject is the person with this IIN; false for a certificate naming none. */
    public boolean isOf(Iin person) {
        return person != null && iin().map(person::equals).orElse(false);
    }
}
