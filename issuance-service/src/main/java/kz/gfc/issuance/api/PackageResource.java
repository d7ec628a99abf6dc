package kz.gfc.issuance.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.panache.common.Sort;
import kz.gfc.issuance.domain.DocumentPackage;
import kz.gfc.kit.web.Roles;

@Path("/api/v1/packages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "packages", description = "Document packages in custody (R15.7, R15.9, R20)")
public class PackageResource {

    @GET
    @Path("/due")
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
    @Operation(operationId = "listDuePackages", summary = "R15.7: what the issuance desk must hand out on a day")
    public List<DocumentPackage> due(@QueryParam("branch") @NotBlank @Pattern(regexp = "[A-Z]{3}-\\d{2}") String branch,
            @QueryParam("date") @NotNull LocalDate date) {
        return DocumentPackage.list("branchCode = ?1 and dueOn <= ?2 and issuedAt is null", Sort.by("dueOn"), branch, date);
    }
}
