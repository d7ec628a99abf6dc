package kz.gfc.rating.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kz.gfc.kit.events.Outbox;
import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.problem.Text;
import kz.gfc.rating.events.RatingSubmitted;

@ApplicationScoped
public class RatingService {

    @Inject
    Outbox outbox;

    /** R18: once per visit — a second rating of the same visit is refused, not averaged in. */
    @Transactional
    public Rating rate(String visitId, String branchCode, String serviceCode, String operatorId, int score,
            String comment) {
        if (Rating.count("visitId", visitId) > 0) {
            throw ProblemException.conflict("already-rated", "visit " + visitId + " has been rated already",
                    Text.of("Бұл қызмет көрсету бағаланып қойған", "Это обслуживание уже оценено"));
        }
        Rating r = new Rating();
        r.id = UUID.randomUUID();
        r.visitId = visitId;
        r.branchCode = branchCode;
        r.serviceCode = serviceCode;
        r.operatorId = operatorId;
        r.score = (short) score;
        r.comment = comment;
        r.ratedAt = Instant.now();
        r.persist();
        outbox.publish(new RatingSubmitted(r.id.toString(), visitId, branchCode, serviceCode, operatorId, score,
                r.ratedAt));
        return r;
    }
}
