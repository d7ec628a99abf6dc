package kz.gfc.consent.events;

import java.time.Instant;
import java.util.List;

import kz.gfc.kit.events.DomainEvent;

/** The subject withdrew a consent; every later check refuses it. */
public record ConsentRevoked(String consentId, String subjectPseudonym, String recipient, List<String> scopes,
        String purpose, Instant revokedAt) implements DomainEvent {

    public static final String TYPE = "kz.gfc.consent.revoked.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return consentId;
    }
}
