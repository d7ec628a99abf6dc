package kz.gfc.intake.api;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.gfc.intake.domain.catalogue.Catalogue;
import kz.gfc.intake.domain.catalogue.FeeSchedule;
import kz.gfc.intake.domain.catalogue.ServiceDefinition;
import kz.gfc.kit.problem.Language;
import kz.gfc.kit.problem.Problem;
import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.problem.Text;
import kz.gfc.kit.web.Caller;
import kz.gfc.kit.web.Roles;

/** R4, R10: the catalogue is readable without login, in kk or ru; admins publish new versions. */
@Path("/api/v1/services")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "services", description = "R4/R10: the catalogue of public services (reading is public)")
public class CatalogueResource {

    static final ZoneId KAZAKHSTAN = ZoneId.of("Asia/Almaty");

    private final Catalogue catalogue;
    private final FeeSchedule fees;
    private final Caller caller;

    public CatalogueResource(Catalogue catalogue, FeeSchedule fees, Caller caller) {
        this.catalogue = catalogue;
        this.fees = fees;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listServices", summary = "The service catalogue (public, no token needed)",
            description = "Filter by provider (an appeal counts for each body it may be addressed to) and kind; "
                    + "names in kk or ru by `lang` or Accept-Language.")
    @APIResponse(responseCode = "200", description = "The current version's services",
            content = @Content(schema = @Schema(implementation = ServiceView.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "422", description = "Unknown kind or language",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ServiceView> list(@QueryParam("provider") String provider, @QueryParam("kind") String kind,
            @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        Language language = Languages.of(lang, headers);
        ServiceDefinition.ServiceKind k = kind(kind);
        int version = catalogue.currentVersion();
        LocalDate today = LocalDate.now(KAZAKHSTAN);
        return catalogue.list(provider, k).stream().map(s -> ServiceView.of(version, s, language, fees.due(s, today))).toList();
    }

    @GET
    @Path("/{code}")
    @PermitAll
    @Operation(operationId = "getService", summary = "One catalogue entry (public, no token needed)")
    @APIResponse(responseCode = "200", description = "The entry in the current version",
            content = @Content(schema = @Schema(implementation = ServiceView.class)))
    @APIResponse(responseCode = "404", description = "No such service",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ServiceView get(@PathParam("code") String code, @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        Language language = Languages.of(lang, headers);
        int version = catalogue.currentVersion();
        ServiceDefinition s = catalogue.find(version, code).orElseThrow(() -> ProblemException.notFound("service", code));
        return ServiceView.of(version, s, language, fees.due(s, LocalDate.now(KAZAKHSTAN)));
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "putService", summary = "Add or change a service: publishes a new catalogue version",
            description = "Applications already accepted keep the version they were accepted under.")
    @APIResponse(responseCode = "200", description = "The entry as published in the new version",
            content = @Content(schema = @Schema(implementation = ServiceView.class)))
    @APIResponse(responseCode = "422", description = "An invalid or inconsistent definition (unknown field type, a fee in both units…)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ServiceView put(@PathParam("code") String code, @NotNull ServiceDefinition body, @Context HttpHeaders headers) {
        if (!code.equals(body.code())) {
            throw ProblemException.unprocessable("validation", "the body's code differs from the path's",
                    Text.of("Қызмет коды сәйкес келмейді", "Код услуги не совпадает"),
                    new Problem.FieldError("code", "must equal the code in the path"));
        }
        int version = catalogue.publish(List.of(body), "edit:" + code, caller.subject(), null);
        ServiceDefinition published = catalogue.find(version, code).orElseThrow();
        return ServiceView.of(version, published, Language.fromAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)),
                fees.due(published, LocalDate.now(KAZAKHSTAN)));
    }

    private static ServiceDefinition.ServiceKind kind(String kind) {
        if (kind == null) {
            return null;
        }
        try {
            return ServiceDefinition.ServiceKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable("validation", "kind must be SERVICE, APPEAL or ADDITIONAL",
                    Text.of("Қызмет түрі белгісіз", "Неизвестный вид услуги"),
                    new Problem.FieldError("kind", "SERVICE, APPEAL or ADDITIONAL"));
        }
    }
}
