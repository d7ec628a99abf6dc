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
import kz.gfc.intake.domain.application.CertifiedCopies;
import kz.gfc.intake.domain.application.CertifiedCopy;
import kz.gfc.intake.domain.application.ApplicationForm;
import kz.gfc.intake.domain.application.IntakeService;
import kz.gfc.intake.domain.application.Receipts;
import kz.gfc.intake.receipt.ReceiptCodes;
import kz.gfc.intake.receipt.ReceiptRenderer;
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
    private final CertifiedCopies copies;
    private final ReceiptRenderer renderer;
    private final ReceiptCodes codes;

    public ApplicationResource(IntakeService intake, Receipts receipts, ApplicationAccess access, Caller caller,
            StaffBranches branches, ObjectMapper json, CertifiedCopies copies, ReceiptRenderer renderer,
            ReceiptCodes codes) {
        this.copies = copies;
        this.renderer = renderer;
        this.codes = codes;
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
        Application a = intake.submit(form, SignedContent.of(object), operator);
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

    @GET
    @Path("/{id}/receipt")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.PROVIDER, Roles.CITIZEN})
    @Operation(operationId = "getReceiptHtml", summary = "R15.5/R16: the receipt as a page in the applicant's language (kk or ru)"
            + " with a QR code anyone can verify it by")
    @APIResponse(responseCode = "200", description = "The receipt page", content = @Content(mediaType = MediaType.TEXT_HTML,
            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such application, or not one the caller may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public String receiptHtml(@PathParam("id") String id) {
        return renderer.html(printed(id));
    }

    @GET
    @Path("/{id}/receipt")
    @Produces("application/pdf")
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.PROVIDER, Roles.CITIZEN})
    @Operation(operationId = "getReceiptPdf", summary = "R15.5/R16: the receipt to print, as PDF in kk or ru with a QR code")
    @APIResponse(responseCode = "200", description = "The receipt, A4 PDF", content = @Content(mediaType = "application/pdf",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such application, or not one the caller may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response receiptPdf(@PathParam("id") String id) {
        kz.gfc.intake.receipt.Receipt r = printed(id);
        return Response.ok(renderer.pdf(r), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"receipt-" + r.number() + ".pdf\"").build();
    }

    /** What a receipt's QR code tells whoever scans it: that it is genuine, and nothing personal. */
    public record ReceiptCheck(String number, String outcome, String serviceCode, String serviceNameKk,
            String serviceNameRu, String branch, java.time.OffsetDateTime decidedAt, java.time.LocalDate readyDate) {
    }

    @GET
    @Path("/receipts/{number}/verify")
    @jakarta.annotation.security.PermitAll
    @Operation(operationId = "verifyReceipt", summary = "Public: is this receipt genuine? The code is the one in its QR link;"
            + " the answer names the service, branch, outcome and dates, never the applicant")
    @APIResponse(responseCode = "200", description = "A genuine receipt",
            content = @Content(schema = @Schema(implementation = ReceiptCheck.class)))
    @APIResponse(responseCode = "404", description = "No receipt with this number and code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReceiptCheck verifyReceipt(@PathParam("number") String number, @QueryParam("code") String code) {
        if (number == null || number.length() > 40 || code == null || code.length() > 64 || !codes.matches(number, code)) {
            throw ProblemException.notFound("receipt", "");
        }
        Application a = Application.<Application>find("receiptNumber", number).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("receipt", ""));
        Receipt r = receipts.of(a);
        return new ReceiptCheck(r.number(), r.outcome(), r.serviceCode(), r.serviceNameKk(), r.serviceNameRu(),
                r.branch(), r.decidedAt(), r.readyDate());
    }

    private kz.gfc.intake.receipt.Receipt printed(String id) {
        Receipt r = receipts.of(access.readable(id));
        return kz.gfc.intake.receipt.Receipt.of(r, codes.verificationUrl(r.number()));
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

    @POST
    @Path("/copies")
    @Consumes({"application/pdf", "image/jpeg", "image/png"})
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "uploadCertifiedCopy", summary = "R17: upload the scan of an original for a certified copy",
            description = "The raw PDF, JPEG or PNG as the body, labelled with its type (checked against the content);"
                    + " the answer's id and sha256 then go into the application's `copies`, which the operator signs.")
    @APIResponse(responseCode = "201", description = "Stored with its SHA-256",
            content = @Content(schema = @Schema(implementation = ApplicationView.CopyView.class)))
    @APIResponse(responseCode = "413", description = "Larger than gfc.intake.copies.max-bytes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not PDF, JPEG or PNG",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Empty, or the content is not what it is labelled",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an operator of that branch",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response uploadCopy(byte[] content, @jakarta.ws.rs.HeaderParam("Content-Type") String type,
            @QueryParam("document") String document, @QueryParam("branch") String branch) {
        if (document == null || !document.matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw ProblemException.unprocessable("validation", "document names a catalogue document code",
                    Text.of("Құжат коды дұрыс емес", "Неверный код документа"),
                    new Problem.FieldError("document", "a catalogue document code"));
        }
        if (branch == null || !branches.current().contains(branch)) {
            throw ProblemException.forbidden("the operator does not work at branch " + branch);
        }
        CertifiedCopy c = copies.upload(content, type, document, branch, caller.subject());
        return Response.status(201).entity(new ApplicationView.CopyView(c.id, c.documentCode, c.mediaType, c.sizeBytes, c.sha256))
                .build();
    }

    @GET
    @Path("/{id}/copies/{copyId}")
    @Produces({"application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.PROVIDER, Roles.CITIZEN})
    @Operation(operationId = "getCertifiedCopy", summary = "R17: a certified copy's scan, for whoever may read the application")
    @APIResponse(responseCode = "200", description = "The scan as uploaded", content = {
            @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "404", description = "No such copy of this application, or not one the caller may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response copy(@PathParam("id") String id, @PathParam("copyId") String copyId) {
        Application a = access.readable(id);
        CertifiedCopy c;
        try {
            c = CertifiedCopy.findById(java.util.UUID.fromString(copyId));
        } catch (IllegalArgumentException e) {
            c = null;
        }
        if (c == null || !a.id.equals(c.applicationId)) {
            throw ProblemException.notFound("certified copy", copyId);
        }
        return Response.ok(c.content, c.mediaType).header("X-Content-SHA256", c.sha256).build();
    }

    private ApplicationView view(Application a) {
        List<ApplicationView.CopyView> attached = CertifiedCopy.getEntityManager()
                .createQuery("select c.id, c.documentCode, c.mediaType, c.sizeBytes, c.sha256 from CertifiedCopy c"
                        + " where c.applicationId = ?1 order by c.uploadedAt", Object[].class)
                .setParameter(1, a.id).getResultList().stream()
                .map(r -> new ApplicationView.CopyView((java.util.UUID) r[0], (String) r[1], (String) r[2], (Integer) r[3],
                        (String) r[4]))
                .toList();
        return ApplicationView.of(a, access.sources(a), attached, receipts.of(a));
    }
}
