package kz.gfc.rating.audit;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import kz.gfc.kit.web.Roles;
import kz.gfc.rating.api.RatingResource;
import kz.gfc.rating.domain.Rating;
import kz.gfc.rating.domain.RatingService;

/**
 * Test sources only: an action whose first transaction fails while it commits — the way an
 * optimistic-lock retry loop's first attempt does — and whose second one commits.
 */
@Path("/api/v1/test-only/retried-ratings")
public class RetriedRatingResource {

    @Inject
    RatingService ratings;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITIZEN)
    @Operation(hidden = true)
    public Response rate(RatingResource.RatingRequest request) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Rating r = new Rating();
                r.id = UUID.randomUUID();
                r.visitId = request.visitId();
                r.branchCode = request.branchCode();
                r.score = 9; // the CHECK constraint refuses it when the flush at commit sends the INSERT
                r.ratedAt = Instant.now();
                r.persist();
            });
            throw new IllegalStateException("the first attempt was meant to fail at its commit");
        } catch (io.quarkus.narayana.jta.QuarkusTransactionException e) {
            // the first attempt rolled back while committing; try again
        }
        Rating r = ratings.rate(request.visitId(), request.branchCode(), request.serviceCode(), request.operatorId(),
                request.score(), request.comment());
        return Response.created(URI.create("/api/v1/ratings/" + r.id)).build();
    }
}
