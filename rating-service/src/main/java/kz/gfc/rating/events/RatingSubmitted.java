package kz.gfc.rating.events;

import java.time.Instant;

import kz.gfc.kit.events.DomainEvent;

/** R18: a rating was recorded; no personal data (the comment stays in the service). */
public record RatingSubmitted(String ratingId, String visitId, String branchCode, String serviceCode,
        String operatorId, int score, Instant ratedAt) implements DomainEvent {

    public static final String TYPE = "kz.gfc.rating.submitted.v1";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String aggregateId() {
        return visitId;
    }
}
