package kz.gfc.intake.events;

import java.time.Instant;

import kz.gfc.intake.domain.application.Application;
import kz.gfc.kit.events.DomainEvent;

/** R8: an accepted application went to its provider (after the applicant's consent, where needed). */
public record ApplicationForwarded(String applicationId, String serviceCode, String provider, Instant forwardedAt)
        implements DomainEvent {

    public static final String TYPE = "kz.gfc.application.forwarded.v1";

    public static ApplicationForwarded of(Application a) {
        return new ApplicationForwarded(a.id.toString(), a.serviceCode, a.provider, a.forwardedAt);
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
