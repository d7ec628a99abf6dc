package kz.gfc.consent.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

import kz.gfc.consent.domain.ConsentConfig;

/** The signing key as production gives it (PKCS#8 PEM, as openssl genpkey writes it), and no key at all. */
class ArtefactSignerTest {

    @Test
    void aPemKeyFromConfigurationSignsAndItsPublicHalfVerifies() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(g.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        ArtefactSigner signer = new ArtefactSigner(config(Optional.of(pem), false));
        JWSObject jws = JWSObject.parse(signer.sign(Map.of("consentReceiptID", "x")));
        JWKSet keys = JWKSet.parse(signer.jwks());
        RSAKey key = (RSAKey) keys.getKeyByKeyId(jws.getHeader().getKeyID());
        assertThat(key.isPrivate()).isFalse();
        assertThat(jws.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(jws.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
    }

    @Test
    void withoutAKeyAndOutsideDevNothingIsSigned() {
        ArtefactSigner signer = new ArtefactSigner(config(Optional.empty(), false));
        assertThatThrownBy(signer::requireKey).hasMessageContaining("GFC_CONSENT_SIGNING_PRIVATE_KEY");
        assertThatThrownBy(() -> new ArtefactSigner(config(Optional.of("not a key"), false)).requireKey())
                .isInstanceOf(IllegalStateException.class);
    }

    private static ConsentConfig config(Optional<String> pem, boolean generate) {
        return new ConsentConfig() {
            public Duration codeTtl() { return Duration.ofMinutes(5); }
            public int codeAttempts() { return 5; }
            public Duration unconfirmedRequestRetention() { return Duration.ofDays(1); }
            public Duration defaultValidity() { return Duration.ofDays(90); }
            public Duration maxValidity() { return Duration.ofDays(365); }
            public Optional<String> codeKey() { return Optional.empty(); }
            public String legalBasis() { return "test"; }
            public String policyUrl() { return "https://example.org"; }
            public String expiryEvery() { return "off"; }
            public Duration signatureMaxAge() { return Duration.ofMinutes(15); }
            public Signing signing() {
                return new Signing() {
                    public Optional<String> privateKey() { return pem; }
                    public boolean generate() { return generate; }
                    public String issuer() { return "test"; }
                };
            }
        };
    }
}
