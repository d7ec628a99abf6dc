package kz.gfc.consent;

import static io.restassured.RestAssured.given;
import static kz.gfc.consent.Consents.MVD;
import static kz.gfc.consent.Consents.as;
import static kz.gfc.consent.Consents.check;
import static kz.gfc.consent.Consents.citizen;
import static kz.gfc.consent.Consents.confirm;
import static kz.gfc.consent.Consents.lastCode;
import static kz.gfc.consent.Consents.phone;
import static kz.gfc.consent.Consents.request;
import static kz.gfc.consent.Consents.terms;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.iin.SyntheticIins;
import kz.gfc.kit.testing.RealInfrastructure;

/**
 * The consent artefact: a JWS that anyone verifies with the public JWKS, carrying the Kantara
 * receipt's required fields, the Account Aggregator terms and the running use record — and no IIN.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ConsentArtefactTest {

    @Test
    @SuppressWarnings("unchecked")
    void theArtefactVerifiesWithThePublishedKeyAndCarriesTheReceiptTermsAndUseRecord() throws Exception {
        Iin iin = SyntheticIins.random();
        String phone = phone();
        var t = terms("MLSPP", "SOCIAL_BENEFIT", "PERSONAL_DATA", "BANK_SECRET");
        t.put("dataFrom", "2025-01-01");
        t.put("dataTo", "2025-12-31");
        t.put("retention", "P30D");
        t.put("fetchLimit", 2);
        t.put("fetchPeriod", "MONTH");
        String id = request(iin, phone, t).then().statusCode(201).extract().path("id");
        String granted = confirm(id, lastCode(phone)).then().statusCode(200).extract().asString();
        String consentId = io.restassured.path.json.JsonPath.from(granted).getString("consent.id");
        JWSObject first = JWSObject.parse(io.restassured.path.json.JsonPath.from(granted).getString("artefact"));

        JWKSet keys = JWKSet.parse(given().get("/api/v1/consents/keys").then().statusCode(200).extract().asString());
        RSAKey key = (RSAKey) keys.getKeyByKeyId(first.getHeader().getKeyID());
        assertThat(key).isNotNull();
        assertThat(key.isPrivate()).as("only the public half is published").isFalse();
        assertThat(first.verify(new RSASSAVerifier(key))).isTrue();

        Map<String, Object> c = first.getPayload().toJSONObject();
        assertThat(c).containsKeys("version", "jurisdiction", "consentTimestamp", "collectionMethod", "consentReceiptID",
                "language", "piiPrincipalId", "piiControllers", "policyUrl", "services", "sensitive", "spiCat");
        assertThat(c.get("consentReceiptID")).isEqualTo(consentId);
        assertThat(c.get("collectionMethod")).isEqualTo("SMS_OTP");
        assertThat(c.get("purposeCode")).isEqualTo("SOCIAL_BENEFIT");
        assertThat(c.get("dataLife")).isEqualTo("P30D");
        assertThat((Map<String, Object>) c.get("dataRange")).containsEntry("from", "2025-01-01").containsEntry("to", "2025-12-31");
        assertThat((Map<String, Object>) c.get("frequency")).containsEntry("unit", "MONTH");
        assertThat(((Number) ((Map<?, ?>) c.get("useRecord")).get("count")).longValue()).isZero();
        assertThat(first.getPayload().toString()).doesNotContain(iin.value());

        check(MVD, iin, "MLSPP", "BANK_SECRET", "SOCIAL_BENEFIT").then().statusCode(200);
        check(MVD, iin, "MLSPP", "PERSONAL_DATA", "SOCIAL_BENEFIT").then().statusCode(200);
        String later = as(citizen(iin)).get("/api/v1/consents/" + consentId + "/artefact").then().statusCode(200)
                .extract().path("artefact");
        JWSObject second = JWSObject.parse(later);
        assertThat(second.verify(new RSASSAVerifier(key))).isTrue();
        Map<?, ?> use = (Map<?, ?>) second.getPayload().toJSONObject().get("useRecord");
        assertThat(((Number) use.get("count")).longValue()).isEqualTo(2);
        assertThat(use.get("lastUsedAt")).isNotNull();

        JWSObject tampered = new JWSObject(second.getHeader().toBase64URL(),
                new com.nimbusds.jose.Payload(second.getPayload().toString().replace("MLSPP", "MVD")),
                second.getSignature());
        assertThat(tampered.verify(new RSASSAVerifier(key))).isFalse();
    }
}
