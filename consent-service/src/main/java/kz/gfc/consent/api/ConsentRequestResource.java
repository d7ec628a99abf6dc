package kz.gfc.consent.api;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.gfc.consent.domain.Consent;
import kz.gfc.consent.domain.ConsentConfig;
import kz.gfc.consent.domain.ConsentRequest;
import kz.gfc.consent.domain.ConsentService;
import kz.gfc.kit.problem.Problem;
import kz.gfc.kit.web.Roles;

@Path("/api/v1/consent-requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "consent-requests", description = "R7, R8: a consent asked for on the subject's behalf, confirmed with a one-time code")
public class ConsentRequestResource {

    private final ConsentService consents;
    private final Artefacts artefacts;
    private final Accessors accessors;
    private final ConsentConfig config;

    public ConsentRequestResource(ConsentService consents, Artefacts artefacts, Accessors accessors, ConsentConfig config) {
        this.consents = consents;
        this.artefacts = artefacts;
        this.accessors = accessors;
        this.config = config;
    }

    @POST
    @RolesAllowed({Roles.OPERATOR, Roles.SERVICE})
    @Operation(operationId = "requestConsent",
            summary = "Ask the subject for a consent: a 6-digit code goes to their phone, valid 5 minutes")
    @APIResponse(responseCode = "201", description = "Pending; the code was texted to the subject",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.RequestView.class)))
    @APIResponse(responseCode = "422", description = "Invalid IIN, phone, unknown scope, validity in the past or too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response request(@Valid @NotNull Terms.NewRequest body) {
        ConsentRequest r = consents.request(body.subject(), body.phone(), body.terms(), accessors.current());
        return Response.created(URI.create("/api/v1/consent-requests/" + r.id))
                .entity(Views.RequestView.of(r, config.codeAttempts())).build();
    }

    @POST
    @Path("/{id}/confirm")
    @RolesAllowed({Roles.OPERATOR, Roles.SERVICE})
    @Operation(operationId = "confirmConsentRequest",
            summary = "The subject's code makes the consent ACTIVE; at most 5 tries, within 5 minutes")
    @APIResponse(responseCode = "200", description = "The consent and its signed artefact",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.Granted.class)))
    @APIResponse(responseCode = "404", description = "No such request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Wrong code (attemptsLeft), code expired, attempts used up, request used",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Views.Granted confirm(@PathParam("id") UUID id, @Valid @NotNull Terms.Confirm body) {
        artefacts.ready();
        Consent c = consents.confirm(id, body.code(), accessors.current());
        return artefacts.granted(c);
    }
}
