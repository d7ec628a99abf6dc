package kz.gfc.intake.api;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import kz.gfc.intake.domain.application.Application;
import kz.gfc.intake.domain.application.ApplicationStatus;
import kz.gfc.kit.iin.IinCipher;
import kz.gfc.kit.problem.Problem;
import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.problem.Text;
import kz.gfc.kit.web.Caller;
import kz.gfc.kit.web.Roles;

/**
 * R26: providers' systems, each with the role {@code provider} and its body in the token's
 * {@code provider} claim, read the applications forwarded to them — with the applicant's IIN,
 * which is what intake keeps it for — and acknowledge them. None sees another body's.
 */
@Path("/api/v1/provider/applications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "provider", description = "R26: the provider's side: applications forwarded to a state body")
public class ProviderApplicationResource {

    public record ProviderApplication(UUID id, String receiptNumber, String status, String serviceCode, String serviceKind,
            int catalogueVersion, String branch, String applicantIin, String applicantName,
            /** R7: protected, present only where the applicant's consent allowed reading it. */
            String applicantAddress, String appliedBy,
            String representativeName, String poaNumber, LocalDate poaValidUntil, String identityMethod,
            Map<String, String> fields, LocalDate readyDate, Instant receivedAt, Instant forwardedAt, Instant acknowledgedAt,
            String consentId) {
    }

    private final Caller caller;
    private final IinCipher cipher;
    private final ObjectMapper json;
    private final Clock clock;
    private final ApplicationAccess access;

    public ProviderApplicationResource(Caller caller, IinCipher cipher, ObjectMapper json, Clock clock,
            ApplicationAccess access) {
        this.caller = caller;
        this.cipher = cipher;
        this.json = json;
        this.clock = clock;
        this.access = access;
    }

    @GET
    @RolesAllowed(Roles.PROVIDER)
    @Operation(operationId = "listProviderApplications", summary = "Applications forwarded to the caller's body",
            description = "Only the body in the token's `provider` claim; a token without one sees nothing."
                    + " Status SENT_TO_PROVIDER (default), ACKNOWLEDGED, READY, ISSUED or RETURNED.")
    @APIResponse(responseCode = "200", description = "Oldest first, at most 200",
            content = @Content(schema = @Schema(implementation = ProviderApplication.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "422", description = "Unknown status",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ProviderApplication> list(@QueryParam("status") String statusText) {
        ApplicationStatus status = status(statusText);
        String provider = caller.provider().orElse(null);
        if (provider == null) {
            return List.of();
        }
        List<Application> found = Application.find("provider = ?1 and status = ?2", Sort.ascending("receivedAt"), provider, status)
                .page(Page.ofSize(200)).list();
        return found.stream().map(this::view).toList();
    }

    @POST
    @Path("/{id}/acknowledgement")
    @RolesAllowed(Roles.PROVIDER)
    @Transactional
    @Operation(operationId = "acknowledgeApplication", summary = "The provider confirms it has taken a forwarded application")
    @APIResponse(responseCode = "200", description = "Acknowledged (a repeat changes nothing)",
            content = @Content(schema = @Schema(implementation = ProviderApplication.class)))
    @APIResponse(responseCode = "404", description = "No such application for this body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not forwarded (yet), or already past acknowledgement",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ProviderApplication acknowledge(@PathParam("id") String id) {
        Application a = access.find(id);
        if (caller.provider().filter(a.provider::equals).isEmpty()) {
            throw ProblemException.notFound("application", id);
        }
        if (a.status != ApplicationStatus.SENT_TO_PROVIDER && a.status != ApplicationStatus.ACKNOWLEDGED) {
            throw ProblemException.conflict("application-not-forwarded", "the application is " + a.status,
                    Text.of("Өтініш жеткізушіге жіберілмеген", "Заявление не направлено поставщику"));
        }
        a.acknowledge(clock.instant());
        return view(a);
    }

    private ProviderApplication view(Application a) {
        Map<String, String> fields;
        try {
            fields = json.readValue(a.formFields, new TypeReference<Map<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored form fields unreadable", e);
        }
        return new ProviderApplication(a.id, a.receiptNumber, a.status.name(), a.serviceCode, a.serviceKind, a.catalogueVersion,
                a.branchCode, cipher.decrypt(a.applicantIin, Application.APPLICANT_IIN_PURPOSE).value(), a.applicantName, a.applicantAddress,
                a.appliedBy, a.representativeName, a.poaNumber, a.poaValidUntil, a.identityMethod, fields, a.readyDate,
                a.receivedAt, a.forwardedAt, a.acknowledgedAt, a.consentId);
    }

    private static ApplicationStatus status(String text) {
        if (text == null) {
            return ApplicationStatus.SENT_TO_PROVIDER;
        }
        try {
            ApplicationStatus s = ApplicationStatus.valueOf(text);
            if (s == ApplicationStatus.REJECTED || s == ApplicationStatus.AWAITING_CONSENT) {
                throw new IllegalArgumentException();
            }
            return s;
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable("validation", "status must be one a provider sees",
                    Text.of("Мәртебе белгісіз", "Неизвестный статус"),
                    new Problem.FieldError("status", "SENT_TO_PROVIDER, ACKNOWLEDGED, READY, ISSUED or RETURNED"));
        }
    }
}
