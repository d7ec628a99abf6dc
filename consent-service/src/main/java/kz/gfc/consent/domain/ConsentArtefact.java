package kz.gfc.consent.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The claims of a consent artefact: the Kantara Consent Receipt's required fields (v1.1), what
 * India's Account Aggregator artefact adds (purpose code, data range, how long the recipient
 * may keep the data, how often it may fetch), and the running use record. The subject is
 * named by pseudonym only: an artefact travels to recipients and must not carry the IIN (R23).
 * It is signed when handed out, so its use record is as of {@code iat}.
 */
public final class ConsentArtefact {

    private ConsentArtefact() {
    }

    public static Map<String, Object> claims(Consent c, List<String> scopeNames, ConsentService.UseRecord use,
            String issuer, String policyUrl, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("iss", issuer);
        m.put("iat", now.getEpochSecond());
        m.put("jti", UUID.randomUUID().toString());
        m.put("sub", c.subjectPseudonym);
        // Kantara Consent Receipt v1.1 required fields
        m.put("version", "KI-CR-v1.1.0");
        m.put("jurisdiction", "KZ");
        m.put("consentTimestamp", c.grantedAt.getEpochSecond());
        m.put("collectionMethod", c.channel.name());
        m.put("consentReceiptID", c.id.toString());
        m.put("language", c.language);
        m.put("piiPrincipalId", c.subjectPseudonym);
        m.put("piiControllers", List.of(Map.of("piiController", c.recipient, "onBehalf", false)));
        m.put("policyUrl", policyUrl);
        Map<String, Object> purpose = new LinkedHashMap<>();
        purpose.put("purpose", c.purpose);
        purpose.put("purposeCategory", List.of("SERVICE_DELIVERY"));
        purpose.put("consentType", "EXPLICIT");
        purpose.put("piiCategory", scopeNames);
        purpose.put("primaryPurpose", true);
        purpose.put("termination", c.validUntil.toString());
        purpose.put("thirdPartyDisclosure", false);
        m.put("services", List.of(Map.of("service", c.purpose, "purposes", List.of(purpose))));
        m.put("sensitive", true);
        m.put("spiCat", c.scopeList());
        // what India's Account Aggregator consent artefact adds
        m.put("consentId", c.id.toString());
        m.put("status", c.status.name());
        m.put("purposeCode", c.purpose);
        m.put("scopes", c.scopeList());
        m.put("consentStart", c.grantedAt.toString());
        m.put("consentExpiry", c.validUntil.toString());
        Map<String, Object> range = new LinkedHashMap<>();
        range.put("from", c.dataFrom == null ? null : c.dataFrom.toString());
        range.put("to", c.dataTo == null ? null : c.dataTo.toString());
        m.put("dataRange", range);
        m.put("dataLife", c.retention);
        Map<String, Object> frequency = new LinkedHashMap<>();
        frequency.put("unit", c.fetchPeriod);
        frequency.put("value", c.fetchLimit);
        m.put("frequency", frequency);
        m.put("legalBasis", c.legalBasis);
        m.put("textHash", c.textHash);
        Map<String, Object> useRecord = new LinkedHashMap<>();
        useRecord.put("count", use.count());
        useRecord.put("lastUsedAt", use.lastUsedAt() == null ? null : use.lastUsedAt().toString());
        m.put("useRecord", useRecord);
        return m;
    }
}
