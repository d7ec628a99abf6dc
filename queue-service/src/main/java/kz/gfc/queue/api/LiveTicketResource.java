package kz.gfc.queue.api;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

import kz.gfc.kit.web.Roles;
import kz.gfc.queue.domain.ticket.LiveQueueService;

@Path("/api/v1/branches/{code}/live-tickets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "live queue", description = "R6: reconciling tickets served by hand in the ordinary queue")
public class LiveTicketResource {

    private final LiveQueueService live;
    private final Actors actors;

    public LiveTicketResource(LiveQueueService live, Actors actors) {
        this.live = live;
        this.actors = actors;
    }

    @POST
    @RolesAllowed({Roles.SUPERVISOR, Roles.OPERATOR})
    @Operation(operationId = "postLiveTicket",
            summary = "Post a hand-numbered ticket served in live mode; idempotent by hand number (201 new, 200 already posted)")
    public Response post(@PathParam("code") String code, @Valid @NotNull LiveTicket body) {
        LiveQueueService.Posted p = live.post(code, new LiveQueueService.LiveTicket(body.handNumber(), body.category(),
                Inputs.instant("issuedAt", body.issuedAt()), Inputs.instant("calledAt", body.calledAt()),
                Inputs.instant("completedAt", body.completedAt()), body.windowNumber(), body.outcome()), actors.current());
        TicketView view = TicketView.of(p.ticket());
        return p.created() ? Response.created(URI.create("/api/v1/tickets/" + view.id())).entity(view).build()
                : Response.ok(view).build();
    }

    public record LiveTicket(
            @NotBlank @Size(max = 20) @Pattern(regexp = "[\\p{L}\\p{N}-]+", message = "letters, digits and '-' only") String handNumber,
            @NotBlank @Size(max = 20) String category,
            @NotBlank @Size(max = 40) String issuedAt,
            @Size(max = 40) String calledAt,
            @Size(max = 40) String completedAt,
            @Min(1) @Max(999) Integer windowNumber,
            @NotNull LiveQueueService.Outcome outcome) {
    }
}
