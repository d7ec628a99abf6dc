package kz.gfc.intake.api;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.panache.common.Sort;
import kz.gfc.intake.domain.CatalogueService;
import kz.gfc.kit.problem.ProblemException;

/** R4, R10: the catalogue is readable without login. */
@Path("/api/v1/services")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "services", description = "R4/R10: the catalogue of public services (public)")
public class CatalogueResource {

    @GET
    @PermitAll
    @Operation(operationId = "listServices", summary = "The service catalogue")
    public List<CatalogueService> list() {
        return CatalogueService.listAll(Sort.by("code"));
    }

    @GET
    @Path("/{code}")
    @PermitAll
    @Operation(operationId = "getService", summary = "One catalogue entry")
    public CatalogueService get(@PathParam("code") String code) {
        CatalogueService s = CatalogueService.findById(code);
        if (s == null) {
            throw ProblemException.notFound("service", code);
        }
        return s;
    }
}
