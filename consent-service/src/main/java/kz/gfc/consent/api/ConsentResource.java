package kz.gfc.consent.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import kz.gfc.consent.domain.Consent;
import kz.gfc.consent.domain.ConsentCheck;
import kz.gfc.consent.domain.ConsentService;
import kz.gfc.consent.infra.ArtefactSigner;
import kz.gfc.kit.audit.AuditScope;
import kz.gfc.kit.audit.RecordedBy;
import kz.gfc.kit.eds.CanonicalJson;
import kz.gfc.kit.problem.Problem;
import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.problem.Text;
import kz.gfc.kit.web.Roles;

@Path("/api/v1/consents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "consents", description = "R7, R8, R23: a citizen's consents, and the check before every access to protected data")
public class ConsentResource {

    private final ConsentService consents;
    private final ConsentCheck check;
    private final Artefacts artefacts;
    private final ArtefactSigner signer;
    private final Accessors accessors;
    private final ObjectMapper json;
    private final Validator validator;
    private final AuditScope audit;

    public ConsentResource(ConsentService consents, ConsentCheck check, Artefacts artefacts, ArtefactSigner signer,
            Accessors accessors, ObjectMapper json, Validator validator, AuditScope audit) {
        this.audit = audit;
        this.json = json;
        this.validator = validator;
        this.consents = consents;
        this.check = check;
        this.artefacts = artefacts;
        this.signer = signer;
        this.accessors = accessors;
    }

    @POST
    @Path("/check")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.PROVIDER, Roles.SERVICE})
    @RecordedBy("access_log")
    @Operation(operationId = "checkConsent", summary = "May the recipient use this scope of the subject's data for this service now? "
            + "Reads the database every time; an allowed check is written to the subject's access log, a refused one to the audit trail",
            description = "Refused (`allowed: false`, with `reason`) when no active consent covers the recipient, scope and"
                    + " service (NO_ACTIVE_CONSENT), or when the consent carries a fetch limit and the recipient has used it"
                    + " `fetchLimit` times in the current `fetchPeriod` (FETCH_LIMIT_REACHED, with `limitResetsAt`). Periods"
                    + " are calendar periods in Asia/Almaty time: DAY from 00:00 to 00:00, MONTH from the 1st at 00:00, YEAR"
                    + " from 1 January at 00:00. Every allowed check counts as one use; exactly `fetchLimit` checks are"
                    + " allowed per period however many arrive at once.")
    @APIResponse(responseCode = "200", description = "Allowed (and logged), or refused with the reason",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.CheckResult.class)))
    @APIResponse(responseCode = "422", description = "Invalid IIN or malformed field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Views.CheckResult check(@Valid @NotNull Terms.Check body) {
        ConsentCheck.Decision d = check.check(body.subject(), body.recipient(), body.scope(), body.purpose(),
                accessors.current());
        if (!d.allowed()) {
            // only an allowed check has its access-log row; a refused one (someone asking without a consent, or past its limit) is audited
            audit.notRecordedHere();
        }
        return new Views.CheckResult(d.allowed(), d.consentId(), d.validUntil(), d.reason(), d.limitResetsAt());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITIZEN)
    @Operation(operationId = "grantConsent", summary = "A citizen grants a consent in the app, for themselves (IIN from the token)")
    @APIResponse(responseCode = "201", description = "The consent, ACTIVE, and its signed artefact",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.Granted.class)))
    @APIResponse(responseCode = "403", description = "The token names no IIN",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown scope, validity in the past or too long",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response grant(@Valid @NotNull Terms.NewConsent body) {
        artefacts.ready();
        Consent c = consents.grantInApp(accessors.citizen(), body.terms(), accessors.current());
        return Response.created(URI.create("/api/v1/consents/" + c.id)).entity(artefacts.granted(c)).build();
    }

    @POST
    @Path("/in-person")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "grantConsentInPerson",
            summary = "At the window the subject signs the consent with their own EDS; the operator submits it (channel IN_PERSON_EDS)",
            description = "`subject` is the subject's IIN (in the body, never a URL). `signature` is the subject's detached CMS"
                    + " (base64) over the RFC 8785 canonical JSON of this body without `signature`, made with their НУЦ РК"
                    + " SIGN certificate whose SERIALNUMBER is IIN<subject>. The consent's evidence names the certificate"
                    + " (serial, issuer, signing time). The signing time must lie within the last 15 minutes"
                    + " (`gfc.consent.signature-max-age`) and each signature gives one consent only. Refusals (422, nothing"
                    + " stored): signature-missing, signature-malformed, signature-invalid, certificate-untrusted,"
                    + " certificate-expired, certificate-not-for-signing, signer-not-subject, signature-stale, signature-used,"
                    + " validation.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = Terms.InPerson.class)))
    @APIResponse(responseCode = "201", description = "The consent, ACTIVE, and its signed artefact",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Views.Granted.class)))
    @APIResponse(responseCode = "400", description = "Not JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid IIN or terms; the signature missing, malformed, not over"
            + " this body, too old or used already; the certificate untrusted, expired, not a signing key, or not the subject's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "No trusted certification authority is configured",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response grantInPerson(JsonNode body) throws JsonProcessingException {
        if (!(body instanceof ObjectNode object)) {
            throw ProblemException.unprocessable("validation", "the body is a JSON object",
                    Text.of("Сұрау денесі JSON нысаны болуы керек", "Тело запроса должно быть объектом JSON"));
        }
        Terms.InPerson form = json.treeToValue(object, Terms.InPerson.class);
        Set<ConstraintViolation<Terms.InPerson>> violations = validator.validate(form);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        artefacts.ready();
        // what the subject signed is the body as sent, not the DTO: members the DTO drops stay signed
        Consent c = consents.grantInPerson(form.subject(), form.terms(), CanonicalJson.unsigned(object), form.signature(),
                accessors.current());
        return Response.created(URI.create("/api/v1/consents/" + c.id)).entity(artefacts.granted(c)).build();
    }

    @GET
    @RolesAllowed(Roles.CITIZEN)
    @Operation(operationId = "listMyConsents", summary = "The signed-in citizen's own consents, newest first, with their use record")
    public List<Views.ConsentView> mine() {
        return consents.mine(accessors.citizen()).stream().map(artefacts::view).toList();
    }

    @POST
    @Path("/{id}/revoke")
    @RolesAllowed(Roles.CITIZEN)
    @Operation(operationId = "revokeConsent", summary = "The subject withdraws their consent; every later check refuses it")
    @APIResponse(responseCode = "404", description = "No such consent of this citizen (someone else's included)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already revoked or expired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Views.ConsentView revoke(@PathParam("id") UUID id) {
        return artefacts.view(consents.revoke(accessors.citizen(), id));
    }

    @GET
    @Path("/{id}/artefact")
    @RolesAllowed(Roles.CITIZEN)
    @Operation(operationId = "getConsentArtefact", summary = "The consent's artefact (JWS, RS256), signed now with its current use record")
    @APIResponse(responseCode = "404", description = "No such consent of this citizen",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Views.Artefact artefact(@PathParam("id") UUID id) {
        Consent c = consents.own(accessors.citizen(), id);
        return new Views.Artefact(c.id, artefacts.sign(c));
    }

    @GET
    @Path("/keys")
    @PermitAll
    @Operation(operationId = "consentArtefactKeys",
            summary = "Public: the JWKS (RFC 7517) that verifies consent artefacts; no token needed, it holds only public keys")
    public Map<String, Object> keys() {
        return signer.jwks();
    }
}
