package kz.gfc.consent.api;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import kz.gfc.consent.domain.AccessLogEntry;
import kz.gfc.consent.domain.ConsentService;
import kz.gfc.kit.problem.Problem;
import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.problem.Text;
import kz.gfc.kit.web.Roles;

@Path("/api/v1/access-log")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "access-log", description = "R7, R23: who read a subject's protected data, when, for which service, under which consent")
public class AccessLogResource {

    private final ConsentService consents;
    private final Accessors accessors;
    private final SecurityIdentity identity;

    public AccessLogResource(ConsentService consents, Accessors accessors, SecurityIdentity identity) {
        this.consents = consents;
        this.accessors = accessors;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.CITIZEN, Roles.AUDITOR, Roles.SUPERVISOR})
    @Operation(operationId = "listAccessLog", summary = "A citizen: every access to their own data, newest first "
            + "(optionally under one consent). An auditor or supervisor: the accesses under one consent")
    @APIResponse(responseCode = "422", description = "An auditor or supervisor named no consentId",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<Views.AccessView> list(@QueryParam("consentId") UUID consentId) {
        List<AccessLogEntry> entries;
        if (identity.hasRole(Roles.CITIZEN)) {
            entries = consents.accessLog(accessors.citizen(), consentId);
        } else if (consentId == null) {
            throw ProblemException.unprocessable("validation", "consentId is required",
                    Text.of("Келісім көрсетілмеген", "Не указано согласие"), new Problem.FieldError("consentId", "required"));
        } else {
            entries = AccessLogEntry.list("consentId", Sort.by("accessedAt").descending(), consentId);
        }
        return entries.stream().map(Views.AccessView::of).toList();
    }
}
