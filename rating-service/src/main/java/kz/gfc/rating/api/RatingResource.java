package kz.gfc.rating.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.panache.common.Sort;
import kz.gfc.kit.web.Roles;
import kz.gfc.rating.domain.Rating;
import kz.gfc.rating.domain.RatingService;

@Path("/api/v1/ratings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ratings", description = "R18: quality ratings of visits")
public class RatingResource {

    @Inject
    RatingService ratings;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CITIZEN})
    @Operation(operationId = "submitRating", summary = "Rate one visit, once")
    public Response rate(@Valid @NotNull RatingRequest request) {
        Rating r = ratings.rate(request.visitId(), request.branchCode(), request.serviceCode(), request.operatorId(),
                request.score(), request.comment());
        return Response.created(URI.create("/api/v1/ratings/" + r.id)).entity(RatingView.of(r)).build();
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.SUPERVISOR})
    @Operation(operationId = "listRatings", summary = "Ratings of one branch, newest first")
    public List<RatingView> list(@QueryParam("branch") @NotBlank @Pattern(regexp = "[A-Z]{3}-\\d{2}") String branch) {
        return Rating.<Rating>find("branchCode", Sort.descending("ratedAt"), branch).page(0, 200).list().stream()
                .map(RatingView::of).toList();
    }

    public record RatingRequest(
            @NotBlank @Size(max = 100) String visitId,
            @NotBlank @Pattern(regexp = "[A-Z]{3}-\\d{2}") String branchCode,
            @Size(max = 40) String serviceCode,
            @Size(max = 200) String operatorId,
            @Min(1) @Max(5) int score,
            @Size(max = 1000) String comment) {
    }

    public record RatingView(UUID id, String visitId, String branchCode, String serviceCode, String operatorId,
            int score, Instant ratedAt) {

        static RatingView of(Rating r) {
            return new RatingView(r.id, r.visitId, r.branchCode, r.serviceCode, r.operatorId, r.score, r.ratedAt);
        }
    }
}
