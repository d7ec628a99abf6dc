package kz.gfc.queue.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.gfc.kit.web.Roles;
import kz.gfc.queue.domain.ticket.TicketService;
import kz.gfc.queue.domain.window.WindowService;

@Path("/api/v1/tickets/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tickets", description = "Electronic queue tickets (R6), digital tickets (R12)")
public class TicketResource {

    private final TicketService tickets;
    private final WindowService windows;
    private final Actors actors;

    public TicketResource(TicketService tickets, WindowService windows, Actors actors) {
        this.tickets = tickets;
        this.windows = windows;
        this.actors = actors;
    }

    @GET
    @RolesAllowed({Roles.CITIZEN, Roles.OPERATOR, Roles.SUPERVISOR})
    @Operation(operationId = "getTicket", summary = "Status, place in line and wait band (citizens see their own tickets)")
    public TicketView get(@PathParam("id") UUID id) {
        return TicketView.of(tickets.get(id, actors.current()));
    }

    @DELETE
    @RolesAllowed({Roles.CITIZEN, Roles.OPERATOR})
    @Operation(operationId = "cancelTicket", summary = "The owner cancels a waiting ticket")
    public TicketView cancel(@PathParam("id") UUID id) {
        return TicketView.of(tickets.cancel(id, actors.current()));
    }

    @POST
    @Path("/postpone")
    @RolesAllowed(Roles.CITIZEN)
    @Operation(operationId = "postponeTicket", summary = "\"I need more time\": back of the line, a bounded number of times")
    public TicketView postpone(@PathParam("id") UUID id) {
        return TicketView.of(tickets.postpone(id, actors.current()));
    }

    @POST
    @Path("/recall")
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
    @Operation(operationId = "recallTicket", summary = "Call the same ticket again")
    public TicketView recall(@PathParam("id") UUID id) {
        return TicketView.of(windows.recall(id, actors.current()));
    }

    @POST
    @Path("/start")
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
    @Operation(operationId = "startService", summary = "The citizen came to the window")
    public TicketView start(@PathParam("id") UUID id) {
        return TicketView.of(windows.start(id, actors.current()));
    }

    @POST
    @Path("/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
    @Operation(operationId = "completeService", summary = "End the visit, optionally with the application it produced")
    public TicketView complete(@PathParam("id") UUID id, @Valid Completion body) {
        return TicketView.of(windows.complete(id, body == null ? null : body.applicationId(), actors.current()));
    }

    @POST
    @Path("/no-show")
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
    @Operation(operationId = "markNoShow", summary = "The citizen did not come after the recalls")
    public TicketView noShow(@PathParam("id") UUID id) {
        return TicketView.of(windows.noShow(id, actors.current()));
    }

    @POST
    @Path("/reinstate")
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
    @Operation(operationId = "reinstateTicket", summary = "A no-show came back within the reinstate window: old place in line")
    public TicketView reinstate(@PathParam("id") UUID id) {
        return TicketView.of(windows.reinstate(id, actors.current()));
    }

    @POST
    @Path("/transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
    @Operation(operationId = "transferTicket", summary = "Send on to another category or window, keeping the place in line")
    public TicketView transfer(@PathParam("id") UUID id, @Valid Transfer body) {
        Transfer t = body == null ? new Transfer(null, null, false) : body;
        return TicketView.of(windows.transfer(id, new WindowService.TransferCommand(t.category(), t.windowId(),
                Boolean.TRUE.equals(t.returnAfter())), actors.current()));
    }

    public record Completion(@Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+") String applicationId) {
    }

    public record Transfer(@Size(max = 20) String category, @Min(1) Long windowId, Boolean returnAfter) {
    }

    @POST
    @Path("/priority")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
    @Operation(operationId = "decidePriority", summary = "R12: staff verify a claimed priority ground (it then weighs in the"
            + " call order) or withdraw one at the window; recorded on the ticket and audited")
    public TicketView decidePriority(@PathParam("id") UUID id, @Valid @NotNull PriorityDecision body) {
        return TicketView.of(tickets.decidePriority(id, body.decision() == PriorityDecision.Decision.VERIFY,
                body.note() == null ? null : body.note().strip(), actors.current()));
    }

    public record PriorityDecision(@NotNull Decision decision, @Size(max = 200) String note) {
        public enum Decision { VERIFY, WITHDRAW }
    }
}
