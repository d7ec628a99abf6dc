package kz.gfc.queue.api;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import kz.gfc.kit.web.Roles;
import kz.gfc.queue.domain.Branch;
import kz.gfc.queue.domain.BranchService;

@Path("/api/v1/branches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "branches", description = "Public service centres, their schedule (R3) and queue mode (R6)")
public class BranchResource {

    @Inject
    BranchService branches;

    @Inject
    SecurityIdentity identity;

    @GET
    @PermitAll
    @Operation(operationId = "listBranches", summary = "All branches (public)")
    public List<BranchView> list() {
        return branches.all().stream().map(BranchView::of).toList();
    }

    @GET
    @Path("/{code}")
    @PermitAll
    @Operation(operationId = "getBranch", summary = "One branch (public)")
    public BranchView get(@PathParam("code") String code) {
        return BranchView.of(branches.get(code));
    }

    @PUT
    @Path("/{code}/mode")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "changeBranchMode", summary = "R6: switch between the electronic and the live queue")
    public BranchView changeMode(@PathParam("code") String code, @Valid @NotNull ModeChange change) {
        return BranchView.of(branches.changeMode(code, change.mode(), identity.getPrincipal().getName()));
    }

    public record ModeChange(@NotNull Branch.Mode mode) {
    }

    public record BranchView(String code, String nameKk, String nameRu, String region, String timeZone,
            Branch.ScheduleKind scheduleKind, Branch.Mode mode) {

        static BranchView of(Branch b) {
            return new BranchView(b.code, b.nameKk, b.nameRu, b.region, b.timeZone, b.scheduleKind, b.mode);
        }
    }
}
