package kz.gfc.issuance.api;

import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.gfc.issuance.domain.IssueCommand;
import kz.gfc.issuance.domain.Movement;
import kz.gfc.issuance.domain.PackageService;
import kz.gfc.issuance.domain.PackageStatus;
import kz.gfc.issuance.domain.ResultFile;
import kz.gfc.issuance.infra.LabelRenderer;
import kz.gfc.kit.problem.Problem;
import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.problem.Text;
import kz.gfc.kit.web.Roles;

@Path("/api/v1/packages")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "packages", description = "Document packages in custody: barcode scans (R15.9), results from providers (R26),"
        + " issuance (R19), the desk list (R15.7), returns (R20)")
@APIResponse(responseCode = "401", description = "No valid token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Wrong role, or staff of another branch",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PackageResource {

    private final PackageService packages;
    private final Actors actors;
    private final LabelRenderer labels;

    PackageResource(PackageService packages, Actors actors, LabelRenderer labels) {
        this.packages = packages;
        this.actors = actors;
        this.labels = labels;
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(operationId = "listPackages", summary = "R15.7: a branch's packages, e.g. what the desk must hand out by a date",
            description = "branch is required and must be the caller's; status filters (AT_ISSUANCE_DESK for the desk);"
                    + " due keeps packages whose ready date is on or before it. At most 500, oldest ready date first.")
    @APIResponse(responseCode = "200", description = "The packages, without their chains",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = PackageView.class)))
    @APIResponse(responseCode = "422", description = "Missing branch, unknown status or malformed date",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<PackageView> list(@QueryParam("branch") @NotBlank @Pattern(regexp = "[A-Z]{3}-\\d{2}") String branch,
            @QueryParam("status") @Pattern(regexp = "AWAITING_DISPATCH|AT_PROVIDER|RECEIVED|AT_ISSUANCE_DESK|ISSUED|RETURNED_TO_PROVIDER") String status,
            @QueryParam("due") @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}") String due) {
        LocalDate dueDate;
        try {
            dueDate = due == null ? null : LocalDate.parse(due);
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.unprocessable("validation", "due is not a date", Text.of("Күн қате", "Неверная дата"),
                    new Problem.FieldError("due", "yyyy-MM-dd"));
        }
        return packages.list(branch, status == null ? null : PackageStatus.valueOf(status), dueDate, actors.current())
                .stream().map(PackageView::summary).toList();
    }

    @GET
    @Path("/{barcode}")
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.PROVIDER, Roles.AUDITOR})
    @Operation(operationId = "getPackage", summary = "A package with its custody chain and whether the chain verifies",
            description = "Staff see their branch's packages, a provider its own (others are 404), auditors all.")
    @APIResponse(responseCode = "200", description = "The package",
            content = @Content(schema = @Schema(implementation = PackageView.class)))
    @APIResponse(responseCode = "404", description = "No such package (or another provider's)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Malformed barcode or wrong check digit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PackageView get(@PathParam("barcode") String barcode) {
        return PackageView.of(packages.find(barcode, actors.current()));
    }

    @GET
    @Path("/{barcode}/label")
    @Produces({"image/png", Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
    @Operation(operationId = "packageLabel", summary = "The package's Code 128 label, PNG")
    @APIResponse(responseCode = "200", description = "The label",
            content = @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such package",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Malformed barcode or wrong check digit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response label(@PathParam("barcode") String barcode) {
        String b = packages.find(barcode, actors.current()).barcode;
        return Response.ok(labels.png(b), "image/png").build();
    }

    public record ScanRequest(@NotNull Movement scan, @Min(1) @Max(999) Integer window) {
    }

    @POST
    @Path("/{barcode}/scans")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "scanPackage", summary = "R15.9: record a barcode scan (HANDED_TO_PROVIDER, RECEIVED_FROM_PROVIDER,"
            + " TO_ISSUANCE_DESK with its window)",
            description = "By an operator of the package's branch. Out of order or repeated: 409 naming currentStatus."
                    + " The first RECEIVED_FROM_PROVIDER publishes DocumentReady and texts the applicant.")
    @APIResponse(responseCode = "200", description = "The package after the move",
            content = @Content(schema = @Schema(implementation = PackageView.class)))
    @APIResponse(responseCode = "404", description = "No such package",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Out of order or repeated; currentStatus says where the package is",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Malformed barcode, not a scan, or no window for the desk",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PackageView scan(@PathParam("barcode") String barcode, @Valid @NotNull ScanRequest body) {
        return PackageView.of(packages.scan(barcode, body.scan(), body.window(), actors.current()));
    }

    /**
     * The result's description and, optionally, its file in base64 (JSON rather than multipart: a
     * chunked multipart body loses its file parts to the kit's body-limit handler).
     */
    public record ResultRequest(@NotBlank @Size(max = 200) String title, @Size(max = 64) String documentNumber,
            LocalDate issuedOn, @Size(max = 8_000_000) String fileBase64) {
    }

    @POST
    @Path("/{barcode}/result")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PROVIDER)
    @Operation(operationId = "postResult", summary = "R26: the provider's electronic result, with its file if any",
            description = "Only the package's own provider (token claim provider); others get 404. The file (base64) must"
                    + " be a PDF, PNG or JPEG by its first bytes, at most gfc.issuance.result-max-bytes. The first result"
                    + " publishes DocumentReady and texts the applicant.")
    @APIResponse(responseCode = "200", description = "The package, now RECEIVED",
            content = @Content(schema = @Schema(implementation = PackageView.class)))
    @APIResponse(responseCode = "404", description = "No such package among this provider's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A result was already received, or the package travels on paper",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Malformed barcode or metadata; file not base64, too large or of another type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PackageView result(@PathParam("barcode") String barcode, @Valid @NotNull ResultRequest body) {
        ResultFile file = null;
        if (body.fileBase64() != null) {
            try {
                file = new ResultFile(Base64.getMimeDecoder().decode(body.fileBase64()));
            } catch (IllegalArgumentException e) {
                throw ProblemException.unprocessable("validation", "fileBase64 is not base64",
                        Text.of("Файл base64 пішімінде емес", "Файл не в формате base64"),
                        new Problem.FieldError("fileBase64", "not base64"));
            }
        }
        return PackageView.of(packages.receiveResult(barcode, body.title(), body.documentNumber(), body.issuedOn(), file,
                actors.current()));
    }

    @POST
    @Path("/by-application/{applicationId}/result")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PROVIDER)
    @Operation(operationId = "postResultByApplication", summary = "R26: the same, for a provider that knows the application id",
            description = "The application's package, if it is this provider's; otherwise 404.")
    @APIResponse(responseCode = "200", description = "The package, now RECEIVED",
            content = @Content(schema = @Schema(implementation = PackageView.class)))
    @APIResponse(responseCode = "404", description = "No package of this provider for the application",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A result was already received, or the package travels on paper",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Malformed metadata; file not base64, too large or of another type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PackageView resultByApplication(@PathParam("applicationId") java.util.UUID applicationId,
            @Valid @NotNull ResultRequest body) {
        return result(packages.barcodeOf(applicationId, actors.current()), body);
    }

    @POST
    @Path("/{barcode}/issue")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "issuePackage", summary = "R19: hand the result to the applicant or a representative",
            description = "The IIN shown (or, for a representative, the one the power of attorney names) must be the"
                    + " applicant's; it is compared by pseudonym and never stored. Nothing changes on a refusal.")
    @APIResponse(responseCode = "200", description = "The package, ISSUED",
            content = @Content(schema = @Schema(implementation = PackageView.class)))
    @APIResponse(responseCode = "404", description = "No such package",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The package is not at the issuance desk",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Not the applicant, no or expired power of attorney, bad input",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PackageView issue(@PathParam("barcode") String barcode, @Valid @NotNull IssueCommand body) {
        return PackageView.of(packages.issue(barcode, body, actors.current()));
    }

    public record ReturnRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @POST
    @Path("/{barcode}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SUPERVISOR)
    @Operation(operationId = "returnPackage", summary = "Send a result back to its provider by hand, with a reason",
            description = "By a supervisor of the package's branch, from RECEIVED or AT_ISSUANCE_DESK;"
                    + " publishes DocumentReturned with reason BY_SUPERVISOR.")
    @APIResponse(responseCode = "200", description = "The package, RETURNED_TO_PROVIDER",
            content = @Content(schema = @Schema(implementation = PackageView.class)))
    @APIResponse(responseCode = "404", description = "No such package",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The package is not in the centre",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No reason, or malformed barcode",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PackageView returnToProvider(@PathParam("barcode") String barcode, @Valid @NotNull ReturnRequest body) {
        return PackageView.of(packages.returnBySupervisor(barcode, body.reason().strip(), actors.current()));
    }
}
