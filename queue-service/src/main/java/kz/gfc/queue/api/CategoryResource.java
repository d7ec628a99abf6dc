package kz.gfc.queue.api;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.gfc.kit.web.Roles;
import kz.gfc.queue.domain.branch.Branches;
import kz.gfc.queue.domain.branch.ServiceCategory;

@Path("/api/v1/categories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "categories", description = "Service categories: letter, names kk/ru, kind (R11 self-service, R12 video), expected minutes")
public class CategoryResource {

    private final Branches branches;

    public CategoryResource(Branches branches) {
        this.branches = branches;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listCategories", summary = "All service categories (public)")
    public List<CategoryView> list() {
        return branches.categories().stream().map(CategoryView::of).toList();
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "putCategory", summary = "Create or change a category")
    public CategoryView put(@PathParam("code") @Pattern(regexp = "[A-Z0-9_-]{1,20}") String code,
            @Valid @NotNull CategoryBody body) {
        ServiceCategory c = new ServiceCategory();
        c.code = code;
        c.letter = body.letter();
        c.nameKk = body.nameKk();
        c.nameRu = body.nameRu();
        c.kind = body.kind();
        c.expectedMinutes = body.expectedMinutes();
        return CategoryView.of(branches.putCategory(c));
    }

    public record CategoryBody(@NotBlank @Pattern(regexp = "[A-Z]{1,2}") String letter,
            @NotBlank @Size(max = 200) String nameKk, @NotBlank @Size(max = 200) String nameRu,
            @NotNull ServiceCategory.Kind kind, @Min(1) @Max(240) int expectedMinutes) {
    }

    public record CategoryView(String code, String letter, String nameKk, String nameRu, ServiceCategory.Kind kind,
            int expectedMinutes) {

        static CategoryView of(ServiceCategory c) {
            return new CategoryView(c.code, c.letter, c.nameKk, c.nameRu, c.kind, c.expectedMinutes);
        }
    }
}
