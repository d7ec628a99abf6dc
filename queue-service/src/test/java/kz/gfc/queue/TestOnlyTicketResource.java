package kz.gfc.queue;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import kz.gfc.kit.web.Roles;
import kz.gfc.queue.api.BranchTicketResource;

/**
 * Test sources only: the real ticket issue, made to do what a test cannot make it do on
 * demand — take long inside its transaction, or fail after its transaction committed — to
 * show what the Idempotency-Key does then.
 */
@Path("/api/v1/test-only/branches/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TestOnlyTicketResource {

    /** How long the slow issue waits, inside its transaction, after the ticket is written. */
    public static final String STALL = "X-Test-Stall-Millis";

    @Inject
    BranchTicketResource tickets;

    @POST
    @Path("slow-tickets")
    @RolesAllowed(Roles.OPERATOR)
    @Transactional
    @Operation(hidden = true)
    public Response slow(@PathParam("code") String code, @HeaderParam(STALL) long stallMillis,
            @Valid @NotNull BranchTicketResource.IssueTicket body) throws InterruptedException {
        Response issued = tickets.issue(code, body);
        Thread.sleep(stallMillis);
        return issued;
    }

    @POST
    @Path("tickets-then-failure")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(hidden = true)
    public Response thenFailure(@PathParam("code") String code, @Valid @NotNull BranchTicketResource.IssueTicket body) {
        tickets.issue(code, body); // committed here
        throw new IllegalStateException("a step after the ticket's commit failed");
    }
}
