package kz.gfc.intake.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import kz.gfc.intake.domain.Application;
import kz.gfc.kit.web.Roles;

@Path("/api/v1/applications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "applications", description = "Applications accepted at the branch's windows")
public class ApplicationResource {

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
    @Operation(operationId = "listApplications", summary = "The latest applications of one branch")
    public List<Application> list(@QueryParam("branch") @NotBlank @Pattern(regexp = "[A-Z]{3}-\\d{2}") String branch) {
        return Application.find("branchCode", Sort.descending("acceptedAt"), branch).page(Page.ofSize(100)).list();
    }
}
