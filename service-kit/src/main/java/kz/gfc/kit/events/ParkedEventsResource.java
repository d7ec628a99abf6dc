package kz.gfc.kit.events;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import kz.gfc.kit.events.ParkedEvents.ParkedEvent;
import kz.gfc.kit.problem.Problem;
import kz.gfc.kit.web.Roles;

/**
 * For the engineer on call, on the service's own port (the gateway routes {@code /api} only):
 * outbox rows parked because the broker refused them, and the two ways out.
 */
@Path("/ops/outbox/parked")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "bearer")
@Tag(name = "operations", description = "Outbox rows the broker refused, parked so that the service's other events flow")
public class ParkedEventsResource {

    private static final Logger LOG = Logger.getLogger(ParkedEventsResource.class);

    private final ParkedEvents parked;
    private final OutboxRelay relay;
    private final JsonWebToken caller;

    public ParkedEventsResource(ParkedEvents parked, OutboxRelay relay, JsonWebToken caller) {
        this.parked = parked;
        this.relay = relay;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listParkedOutboxRows", summary = "Parked outbox rows, oldest first",
            description = "Each with its last error and how many later events of its key wait behind it.")
    @APIResponse(responseCode = "200", description = "Parked rows (at most 500)",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ParkedEvent.class)))
    public List<ParkedEvent> list() {
        return parked.list();
    }

    @POST
    @Path("/{seq}/retry")
    @Operation(operationId = "retryParkedOutboxRow", summary = "Send a parked row again, once its cause is fixed",
            description = "The row goes back to the relay's queue with a fresh count of attempts; the events of its key"
                    + " follow it in order.")
    @APIResponse(responseCode = "200", description = "The row, back in the queue",
            content = @Content(schema = @Schema(implementation = ParkedEvent.class)))
    @APIResponse(responseCode = "404", description = "No outbox row has this seq",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The row is not parked (sent, discarded or still queued)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ParkedEvent retry(@PathParam("seq") long seq) {
        ParkedEvent row = parked.retry(seq);
        LOG.warnf("parked outbox row seq=%d (%s on %s) put back in the queue by %s", seq, row.type(), row.topic(),
                caller.getSubject());
        afterChange();
        return row;
    }

    @POST
    @Path("/{seq}/discard")
    @Operation(operationId = "discardParkedOutboxRow", summary = "Give a parked row up: it is never sent",
            description = "The row stays in the outbox, marked discarded, until it is deleted with the sent rows; the"
                    + " later events of its key flow again.")
    @APIResponse(responseCode = "200", description = "The row, discarded",
            content = @Content(schema = @Schema(implementation = ParkedEvent.class)))
    @APIResponse(responseCode = "404", description = "No outbox row has this seq",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The row is not parked (sent, discarded or still queued)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ParkedEvent discard(@PathParam("seq") long seq) {
        ParkedEvent row = parked.discard(seq);
        LOG.warnf("parked outbox row seq=%d (%s on %s, id %s) discarded by %s: it will never be published", seq,
                row.type(), row.topic(), row.id(), caller.getSubject());
        afterChange();
        return row;
    }

    /** The change is committed: the relay may send the rows that waited, and the gauge shows it. */
    private void afterChange() {
        relay.wake();
        relay.sampleNow();
    }
}
