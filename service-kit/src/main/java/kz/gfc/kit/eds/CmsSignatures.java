package kz.gfc.kit.eds;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;

import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.problem.Text;

/**
 * Verifies an electronic digital signature (ЭЦҚ / ЭЦП) the way every service needs it (R8):
 * a CMS (PKCS#7) SignedData, detached, over bytes the caller names (usually
 * {@link CanonicalJson#unsigned}), made with an RSA or EC key of a certificate in the
 * structure of the National Certification Authority (НУЦ РК).
 *
 * <p>What is checked, in this order: the signature is present, is base64 of one CMS
 * SignedData with exactly one signer whose certificate it carries; the signature matches the
 * content; the certificate is valid now and at the signing time the signer states; it chains
 * (PKIX) to one of the trusted CA certificates ({@code gfc.eds.trusted-ca}); its keyUsage
 * marks a signing key (nonRepudiation: the SIGN certificate, not the AUTH one). Each failure is
 * a 422 of its own type. <em>Who</em> may sign — the logged-in employee, the consent's subject —
 * is the caller's decision, made on the returned {@link SignerCertificate}.
 *
 * <p>Not checked, on purpose for the demo: revocation (no CRL or OCSP of the authority is
 * reachable here; a production deployment turns on PKIX revocation against НУЦ's OCSP) and
 * timestamps (the signing time is the signer's claim). GOST 34.310 / 34.10-2015 keys need the
 * national crypto provider.
 */
@ApplicationScoped
public class CmsSignatures {

    /** A CMS with one RSA-4096 certificate chain is a few KiB; far more is no signature of ours. */
    public static final int MAX_SIGNATURE_CHARS = 64 * 1024;

    static final Text MISSING = Text.of(
            "Құжатқа ЭЦҚ-мен қол қойылмаған",
            "Документ не подписан ЭЦП");
    static final Text MALFORMED = Text.of(
            "ЭЦҚ қолтаңбасының пішімі қате: оны қайта қойыңыз",
            "Подпись ЭЦП в неверном формате: подпишите заново");
    static final Text INVALID = Text.of(
            "ЭЦҚ қолтаңбасы құжаттың мазмұнына сәйкес келмейді: құжатқа қайта қол қойыңыз",
            "Подпись ЭЦП не соответствует содержанию документа: подпишите документ заново");
    static final Text UNTRUSTED = Text.of(
            "ЭЦҚ тіркеу куәлігін сенім білдірілген куәландырушы орталық бермеген",
            "Регистрационное свидетельство ЭЦП выдано не доверенным удостоверяющим центром");
    static final Text EXPIRED = Text.of(
            "ЭЦҚ тіркеу куәлігінің қолданылу мерзімі өткен немесе әлі басталмаған",
            "Срок действия регистрационного свидетельства ЭЦП истёк или ещё не начался");
    static final Text NOT_FOR_SIGNING = Text.of(
            "Бұл куәлік қол қоюға арналмаған (AUTH кілті): қол қою кілтін (RSA/GOST) таңдаңыз",
            "Этот сертификат не предназначен для подписи (ключ AUTH): выберите ключ подписи (RSA/GOST)");

    private final TrustedAuthorities authorities;
    private final Provider bc = new BouncyCastleProvider();

    @Inject
    public CmsSignatures(EdsConfig config) {
        this.authorities = new TrustedAuthorities(config.trustedCa());
    }

    /** For a verifier outside CDI, e.g. in a plain unit test or a tool. */
    public static CmsSignatures trusting(java.nio.file.Path trustedCaPem) {
        return new CmsSignatures(() -> java.util.Optional.of(trustedCaPem));
    }

    /**
     * The signer of {@code signatureBase64} over {@code signedContent}, once everything above
     * holds; a 422 problem otherwise (503 while no trusted authority is configured).
     */
    public SignerCertificate verify(byte[] signedContent, String signatureBase64) {
        Objects.requireNonNull(signedContent, "signedContent");
        if (signatureBase64 == null || signatureBase64.isBlank()) {
            throw refuse("signature-missing", "No signature was sent", MISSING);
        }
        CMSSignedData cms = parse(signedContent, decode(signatureBase64));
        SignerInformation signer = onlySigner(cms);
        X509Certificate certificate = signerCertificate(cms, signer);
        checkSignature(signer, certificate);
        checkValidity(certificate);
        checkChain(certificate, cms);
        checkKeyUsage(certificate);
        return new SignerCertificate(certificate, signingTime(signer), sha256(signer.getSignature()));
    }

    private static byte[] decode(String base64) {
        if (base64.length() > MAX_SIGNATURE_CHARS) {
            throw refuse("signature-malformed", "The signature is longer than " + MAX_SIGNATURE_CHARS + " characters",
                    MALFORMED);
        }
        // desktop signers wrap base64 in lines; anything else outside the alphabet is an error
        String compact = base64.replaceAll("[\\r\\n\\t ]", "");
        try {
            return Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw refuse("signature-malformed", "The signature is not base64", MALFORMED);
        }
    }

    private static CMSSignedData parse(byte[] content, byte[] der) {
        try {
            return new CMSSignedData(new CMSProcessableByteArray(content), der);
        } catch (CMSException | RuntimeException e) {
            // BouncyCastle reports hostile ASN.1 with assorted runtime exceptions, all of them the input's fault
            throw refuse("signature-malformed", "The signature is not a CMS SignedData structure", MALFORMED);
        }
    }

    private static SignerInformation onlySigner(CMSSignedData cms) {
        Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw refuse("signature-malformed", "The signature must have exactly one signer, it has " + signers.size(),
                    MALFORMED);
        }
        return signers.iterator().next();
    }

    private static X509Certificate signerCertificate(CMSSignedData cms, SignerInformation signer) {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
        if (matches.isEmpty()) {
            throw refuse("signature-malformed", "The signature does not carry the signer's certificate", MALFORMED);
        }
        try {
            return new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
        } catch (CertificateException e) {
            throw refuse("signature-malformed", "The signer's certificate cannot be read", MALFORMED);
        }
    }

    private void checkSignature(SignerInformation signer, X509Certificate certificate) {
        boolean valid;
        try {
            valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(bc).build(certificate));
        } catch (CMSVerifierCertificateNotValidException e) {
            // the signed signingTime attribute falls outside the certificate's validity
            throw refuse("certificate-expired", "The certificate was not valid at the stated signing time", EXPIRED);
        } catch (CMSSignerDigestMismatchException e) {
            valid = false;
        } catch (OperatorCreationException e) {
            throw refuse("signature-invalid",
                    "The signature algorithm is not supported by this verifier (GOST needs the national provider)",
                    INVALID);
        } catch (CMSException | RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            throw refuse("signature-invalid", "The signature does not match the signed content", INVALID);
        }
    }

    private static void checkValidity(X509Certificate certificate) {
        try {
            certificate.checkValidity(new Date());
        } catch (CertificateExpiredException e) {
            throw refuse("certificate-expired", "The signer's certificate has expired", EXPIRED);
        } catch (CertificateNotYetValidException e) {
            throw refuse("certificate-expired", "The signer's certificate is not valid yet", EXPIRED);
        }
    }

    private void checkChain(X509Certificate certificate, CMSSignedData cms) {
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(certificate);
            PKIXBuilderParameters params = new PKIXBuilderParameters(authorities.anchors(), target);
            // no CRL/OCSP of the authority is reachable in the demo; see the class comment
            params.setRevocationEnabled(false);
            params.addCertStore(CertStore.getInstance("Collection",
                    new CollectionCertStoreParameters(carried(cms))));
            CertPathBuilder.getInstance("PKIX").build(params);
        } catch (CertPathBuilderException e) {
            throw refuse("certificate-untrusted",
                    "The signer's certificate does not chain to a trusted certification authority", UNTRUSTED);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PKIX is not available", e);
        }
    }

    /** The certificates the signature carries: the signer's and any intermediates. */
    private static List<X509Certificate> carried(CMSSignedData cms) {
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        List<X509Certificate> certs = new ArrayList<>();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> holders = cms.getCertificates().getMatches(null);
        for (X509CertificateHolder h : holders) {
            try {
                certs.add(converter.getCertificate(h));
            } catch (CertificateException e) {
                // an unreadable extra certificate only means no path goes through it
            }
        }
        return certs;
    }

    private static void checkKeyUsage(X509Certificate certificate) {
        boolean[] usage = certificate.getKeyUsage();
        boolean nonRepudiation = usage != null && usage.length > 1 && usage[1];
        if (!nonRepudiation) {
            throw refuse("certificate-not-for-signing",
                    "The certificate's keyUsage lacks nonRepudiation: it is no signing (SIGN) certificate",
                    NOT_FOR_SIGNING);
        }
    }

    private static Instant signingTime(SignerInformation signer) {
        AttributeTable signed = signer.getSignedAttributes();
        Attribute a = signed == null ? null : signed.get(CMSAttributes.signingTime);
        if (a == null || a.getAttrValues().size() != 1) {
            return null;
        }
        try {
            return Time.getInstance(a.getAttrValues().getObjectAt(0)).getDate().toInstant();
        } catch (RuntimeException e) {
            // the signature was verified over this attribute, so an odd encoding is the signer's quirk, not an attack
            return null;
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** A 422 of the kit's signature types; callers use it for refusals of their own (e.g. the wrong signer). */
    public static ProblemException refuse(String code, String detail, Text message) {
        return ProblemException.unprocessable(code, detail, message);
    }
}
