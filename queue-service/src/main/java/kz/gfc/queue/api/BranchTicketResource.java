package kz.gfc.queue.api;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.problem.Language;
import kz.gfc.kit.web.Roles;
import kz.gfc.queue.domain.Actor;
import kz.gfc.queue.domain.ticket.PriorityReason;
import kz.gfc.queue.domain.ticket.Ticket;
import kz.gfc.queue.domain.ticket.TicketService;

@Path("/api/v1/branches/{code}/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "tickets", description = "Electronic queue tickets (R6), digital tickets (R12)")
public class BranchTicketResource {

    private final TicketService tickets;
    private final Actors actors;

    public BranchTicketResource(TicketService tickets, Actors actors) {
        this.tickets = tickets;
        this.actors = actors;
    }

    @POST
    @RolesAllowed({Roles.CITIZEN, Roles.OPERATOR})
    @Operation(operationId = "issueTicket", summary = "Take a ticket: refused outside working hours (R3) and in live-queue mode (R6)")
    public Response issue(@PathParam("code") String code, @Valid @NotNull IssueTicket body) {
        Actor actor = actors.current();
        if (!actor.roles().contains(Roles.CITIZEN)) { // a kiosk or an operator issues tickets of their own branch only
            actor.requireWorksAt(code);
        }
        TicketView view = TicketView.of(tickets.issue(new TicketService.IssueCommand(code, body.category(),
                body.channel(), Language.parse(body.language()), body.priorityReason(),
                actors.applicant(body.iin(), false), actor.id(), !actor.staff())));
        return Response.created(URI.create("/api/v1/tickets/" + view.id())).entity(view).build();
    }

    /**
     * Language kk or ru (R16), ru when absent; IIN optional (for the one-waiting-ticket rule and
     * statistics): a citizen's is their sign-in's, only staff issuing for a walk-in name another.
     */
    public record IssueTicket(
            @NotBlank @Size(max = 20) String category,
            @NotNull Ticket.Channel channel,
            @Pattern(regexp = "kk|ru", message = "must be kk or ru") String language,
            PriorityReason priorityReason,
            Iin iin) {
    }
}
