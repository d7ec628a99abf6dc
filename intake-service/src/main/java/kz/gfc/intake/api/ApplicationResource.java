package kz.gfc.intake.api;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import kz.gfc.intake.domain.Receipt;
import kz.gfc.intake.domain.SignedContent;
import kz.gfc.intake.domain.application.Application;
import kz.gfc.intake.domain.application.ApplicationForm;
import kz.gfc.intake.domain.application.IntakeService;
import kz.gfc.intake.domain.application.Receipts;
import kz.gfc.kit.problem.Problem;
import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.problem.Text;
import kz.gfc.kit.web.Caller;
import kz.gfc.kit.web.Roles;
import kz.gfc.kit.web.StaffBranches;

@Path("/api/v1/applications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "applications", description = "R15: applications taken at the branch's windows, their receipts and status")
public class ApplicationResource {

    private final IntakeService intake;
    private final Receipts receipts;
    private final ApplicationAccess access;
    private final Caller caller;
    private final StaffBranches branches;
    private final ObjectMapper json;

    public ApplicationResource(IntakeService intake, Receipts receipts, ApplicationAccess access, Caller caller,
            StaffBranches branches, ObjectMapper json) {
        this.intake = intake;
        this.receipts = receipts;
        this.access = access;
        this.caller = caller;
        this.branches = branches;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "submitApplication", summary = "Take an application at a window of the operator's branch",
            description = "201 with outcome ACCEPTED (receipt with the ready date) or REJECTED (receipt naming every missing"
                    + " document, mandatory field or the fee shortfall): a refusal is a recorded outcome. `signature` is the"
                    + " operator's detached CMS over the RFC 8785 canonical JSON of the body without `signature`."
                    + " Send an Idempotency-Key: a retry returns the first answer.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ApplicationForm.class)))
    @APIResponse(responseCode = "201", description = "Recorded, accepted or refused",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "422", description = "Invalid input (IIN, power of attorney, unknown service or field,"
            + " payment, signature…): nothing stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "Not JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an operator of that branch, or a token without the operator's IIN",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Idempotency-Key in use",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(JsonNode body) throws JsonProcessingException {
        if (!(body instanceof ObjectNode object)) {
            throw ProblemException.unprocessable("validation", "the body is a JSON object",
                    Text.of("Сұрау денесі JSON нысаны болуы керек", "Тело запроса должно быть объектом JSON"));
        }
        ApplicationForm form = json.treeToValue(object, ApplicationForm.class);
        IntakeService.Operator operator = new IntakeService.Operator(caller.subject(), caller.displayName(),
                caller.iin().orElseThrow(() -> ProblemException.forbidden("the operator's token names no IIN to sign with")),
                branches.current());
        Application a = intake.submit(form, SignedContent.of(object, json), operator);
        return Response.created(URI.create("/api/v1/applications/" + a.id)).entity(view(a)).build();
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
    @Operation(operationId = "listApplications", summary = "The latest applications of a branch the caller works at")
    @APIResponse(responseCode = "200", description = "Newest first, at most 100",
            content = @Content(schema = @Schema(implementation = ApplicationView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "403", description = "Not staff of that branch",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ApplicationView> list(@QueryParam("branch") String branch) {
        if (branch == null || !branches.current().contains(branch)) {
            throw ProblemException.forbidden("the caller does not work at branch " + branch);
        }
        List<Application> found = Application.find("branchCode", Sort.descending("receivedAt"), branch)
                .page(Page.ofSize(100)).list();
        return found.stream().map(this::view).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.PROVIDER, Roles.CITIZEN})
    @Operation(operationId = "getApplication", summary = "One application: staff of its branch, its provider, or its applicant")
    @APIResponse(responseCode = "200", description = "The application",
            content = @Content(schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "404", description = "No such application, or not one the caller may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ApplicationView get(@PathParam("id") String id) {
        return view(access.readable(id));
    }

    @GET
    @Path("/{id}/receipt")
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.PROVIDER, Roles.CITIZEN})
    @Operation(operationId = "getReceipt", summary = "R15.5/R15.6: the application's receipt (JSON)")
    @APIResponse(responseCode = "200", description = "The receipt",
            content = @Content(schema = @Schema(implementation = Receipt.class)))
    @APIResponse(responseCode = "404", description = "No such application, or not one the caller may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Receipt receipt(@PathParam("id") String id) {
        return receipts.of(access.readable(id));
    }

    /** The applicant's contact for "your document is ready"; POST so the answer never lands in a URL or log. */
    public record Contact(String phone, String language) {
    }

    @POST
    @Path("/{id}/contact")
    @RolesAllowed(Roles.SERVICE)
    @Operation(operationId = "getApplicantContact", summary = "The applicant's phone and language, for GfC services only")
    @APIResponse(responseCode = "200", description = "Phone (null when none was given) and language",
            content = @Content(schema = @Schema(implementation = Contact.class)))
    @APIResponse(responseCode = "404", description = "No such application",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Contact contact(@PathParam("id") String id) {
        Application a = access.find(id);
        return new Contact(a.applicantPhone, a.language);
    }

    private ApplicationView view(Application a) {
        return ApplicationView.of(a, access.sources(a), receipts.of(a));
    }
}
