package kz.gfc.consent.events;

import java.time.Instant;
import java.util.List;

import kz.gfc.kit.events.DomainEvent;

/** A subject gave a consent; the subject appears only as their pseudonym (R23). */
public record ConsentGranted(String consentId, String subjectPseudonym, String recipient, List<String> scopes,
        String purpose, String channel, Instant grantedAt, Instant validUntil) implements DomainEvent {

    public static final String TYPE = "kz.gfc.consent.granted.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return consentId;
    }
}
