package kz.gfc.consent.events;

import java.time.Instant;
import java.util.List;

import kz.gfc.kit.events.DomainEvent;

/** A consent ran past its validity and was closed by the expiry job. */
public record ConsentExpired(String consentId, String subjectPseudonym, String recipient, List<String> scopes,
        String purpose, Instant expiredAt) implements DomainEvent {

    public static final String TYPE = "kz.gfc.consent.expired.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return consentId;
    }
}
