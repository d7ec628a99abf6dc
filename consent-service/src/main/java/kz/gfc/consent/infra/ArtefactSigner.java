package kz.gfc.consent.infra;

import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

import kz.gfc.consent.domain.ConsentConfig;

/**
 * Signs consent artefacts as compact JWS (RS256) and publishes the public half as a JWKS, so a
 * recipient, a court or the subject can verify an artefact without asking this service. The
 * key comes from configuration (PKCS#8 PEM); only dev and tests may generate one at start.
 */
@ApplicationScoped
public class ArtefactSigner {

    public static final String MEDIA_TYPE = "application/consent-artefact+jws";

    private final ConsentConfig config;
    private volatile RSAKey key;

    public ArtefactSigner(ConsentConfig config) {
        this.config = config;
    }

    public String sign(Map<String, Object> claims) {
        RSAKey k = key();
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(k.getKeyID())
                .type(new JOSEObjectType("consent-artefact+jwt")).build(), new Payload(claims));
        try {
            jws.sign(new RSASSASigner(k));
        } catch (JOSEException e) {
            throw new IllegalStateException("consent artefact not signed", e);
        }
        return jws.serialize();
    }

    /**
     * Loads the key, or fails: called before a consent is granted, so that a service without a
     * key refuses the grant (a 500 that changed nothing) rather than grant and then not sign.
     */
    public void requireKey() {
        key();
    }

    /** The public key set (RFC 7517) that verifies every artefact this service signs. */
    public Map<String, Object> jwks() {
        return new JWKSet(key().toPublicJWK()).toJSONObject(true);
    }

    /** Read at first use, like the IIN key: a service without one starts, and refuses to sign. */
    private RSAKey key() {
        RSAKey k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = load();
                }
                k = key;
            }
        }
        return k;
    }

    private RSAKey load() {
        try {
            RSAPrivateCrtKey priv;
            RSAPublicKey pub;
            if (config.signing().privateKey().isPresent()) {
                String pem = config.signing().privateKey().get()
                        .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                priv = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
                pub = (RSAPublicKey) rsa.generatePublic(new RSAPublicKeySpec(priv.getModulus(), priv.getPublicExponent()));
            } else if (config.signing().generate()) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                var pair = g.generateKeyPair();
                priv = (RSAPrivateCrtKey) pair.getPrivate();
                pub = (RSAPublicKey) pair.getPublic();
            } else {
                throw new IllegalStateException(
                        "gfc.consent.signing.private-key (GFC_CONSENT_SIGNING_PRIVATE_KEY) is not set");
            }
            RSAKey built = new RSAKey.Builder(pub).privateKey(priv).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
            return new RSAKey.Builder(built).keyID(built.computeThumbprint().toString()).build();
        } catch (ClassCastException | IllegalArgumentException | java.security.GeneralSecurityException | JOSEException e) {
            throw new IllegalStateException("the consent signing key is not an RSA PKCS#8 PEM key", e);
        }
    }
}
