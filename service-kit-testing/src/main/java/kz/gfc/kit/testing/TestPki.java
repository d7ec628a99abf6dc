package kz.gfc.kit.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import kz.gfc.kit.eds.SignerCertificate;

/**
 * A throwaway certification authority in the shape of НУЦ РК for tests: a root, employees'
 * and individuals' SIGN certificates with the holder's IIN in SERIALNUMBER, and detached CMS
 * signatures made with them, the way NCALayer makes them.
 */
public final class TestPki {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static TestPki shared;

    public final Authority ca;

    private TestPki(Authority ca) {
        this.ca = ca;
    }

    /**
     * One authority per test JVM, its certificate written to {@code target/test-pki/ca.pem}
     * (relative to the module, where tests run) for a service's {@code %test.gfc.eds.trusted-ca}
     * to point at, for tests that go through the service.
     */
    public static synchronized TestPki shared() {
        if (shared == null) {
            shared = new TestPki(Authority.create("ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (RSA) TEST"));
            shared.ca.writePem(Path.of("target", "test-pki", "ca.pem"));
        }
        return shared;
    }

    /** A fresh authority nobody trusts unless told to. */
    public static Authority authority(String commonName) {
        return Authority.create(commonName);
    }

    /** A key and its certificate. */
    public record Holder(PrivateKey key, X509Certificate certificate) {

        /** Base64 of a detached CMS SignedData (SHA-256 with RSA, signed attributes) over {@code content}. */
        public String sign(byte[] content) {
            return sign(content, true);
        }

        /** As {@link #sign(byte[])}, the signer's certificate left out when {@code withCertificate} is false. */
        public String sign(byte[] content, boolean withCertificate) {
            try {
                ContentSigner signer = new JcaContentSignerBuilder("SHA256withRSA").build(key);
                CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
                gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                        new JcaDigestCalculatorProviderBuilder().build()).build(signer, certificate));
                if (withCertificate) {
                    gen.addCertificates(new JcaCertStore(List.of(certificate)));
                }
                byte[] der = gen.generate(new CMSProcessableByteArray(content), false).getEncoded();
                return Base64.getEncoder().encodeToString(der);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A certification authority: a self-signed RSA root. */
    public static final class Authority {
        final KeyPair keys;
        final X509Certificate certificate;

        private Authority(KeyPair keys, X509Certificate certificate) {
            this.keys = keys;
            this.certificate = certificate;
        }

        static Authority create(String commonName) {
            KeyPair keys = rsa();
            X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.CN, commonName).addRDN(BCStyle.C, "KZ").build();
            Instant now = Instant.now();
            try {
                X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(),
                        Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))),
                        name, keys.getPublic());
                b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                return new Authority(keys, sign(b, keys.getPrivate()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public X509Certificate certificate() {
            return certificate;
        }

        public void writePem(Path file) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                StringWriter out = new StringWriter();
                try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
                    pem.writeObject(certificate);
                }
                Files.writeString(file, out.toString(), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** An operator's SIGN certificate, valid from yesterday for a year. */
        public Holder operator(String iin) {
            return issue(new Spec(iin));
        }

        /** A private person's SIGN certificate (the individual role, no organisation), valid from yesterday for a year. */
        public Holder citizen(String iin) {
            return issue(Spec.individual(iin));
        }

        public Holder issue(Spec spec) {
            KeyPair holderKeys = rsa();
            X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.CN, "ҚАСЫМОВ ЕРЛАН")
                    .addRDN(BCStyle.SURNAME, "ҚАСЫМОВ")
                    .addRDN(BCStyle.SERIALNUMBER, "IIN" + spec.iin)
                    .addRDN(BCStyle.C, "KZ");
            if (spec.organisation) {
                name.addRDN(BCStyle.O, "НАО «Правительство для граждан»").addRDN(BCStyle.OU, "BIN160440007161");
            }
            X500Name subject = name.build();
            try {
                X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(certificate, serial(),
                        Date.from(spec.notBefore), Date.from(spec.notAfter), subject, holderKeys.getPublic());
                b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                b.addExtension(Extension.keyUsage, true, new KeyUsage(spec.keyUsage));
                List<KeyPurposeId> purposes = new ArrayList<>();
                purposes.add(KeyPurposeId.id_kp_emailProtection);
                for (String oid : spec.roles) {
                    purposes.add(KeyPurposeId.getInstance(new ASN1ObjectIdentifier(oid)));
                }
                b.addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(purposes.toArray(KeyPurposeId[]::new)));
                return new Holder(holderKeys.getPrivate(), sign(b, keys.getPrivate()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** What an issued certificate says; defaults are a valid employee SIGN certificate. */
    public static final class Spec {
        final String iin;
        Instant notBefore = Instant.now().minus(Duration.ofDays(1));
        Instant notAfter = Instant.now().plus(Duration.ofDays(365));
        int keyUsage = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;
        List<String> roles = List.of(SignerCertificate.LEGAL_ENTITY_ROLE_OID, SignerCertificate.EMPLOYEE_ROLE_OID);
        boolean organisation = true;

        public Spec(String iin) {
            this.iin = iin;
        }

        /** A private person's certificate: the individual role, no organisation in the subject. */
        public static Spec individual(String iin) {
            Spec s = new Spec(iin);
            s.roles = List.of(SignerCertificate.INDIVIDUAL_ROLE_OID);
            s.organisation = false;
            return s;
        }

        public Spec valid(Instant from, Instant to) {
            notBefore = from;
            notAfter = to;
            return this;
        }

        public Spec keyUsage(int bits) {
            keyUsage = bits;
            return this;
        }

        public Spec roles(String... oids) {
            roles = List.of(oids);
            return this;
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048, RANDOM);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM).add(BigInteger.ONE);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey) {
        try {
            X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey));
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
