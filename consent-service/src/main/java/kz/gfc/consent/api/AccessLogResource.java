package kz.gfc.consent.api;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.panache.common.Sort;
import kz.gfc.consent.domain.AccessLogEntry;
import kz.gfc.kit.web.Roles;

@Path("/api/v1/access-log")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "access-log", description = "R7/R23: who used protected personal data under which consent")
public class AccessLogResource {

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.SUPERVISOR})
    @Operation(operationId = "listAccessLog", summary = "Accesses made under one consent")
    public List<AccessLogEntry> list(@QueryParam("consentId") @NotNull UUID consentId) {
        return AccessLogEntry.list("consentId", Sort.by("accessedAt"), consentId);
    }
}
