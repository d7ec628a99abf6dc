package kz.gfc.queue.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

import kz.gfc.kit.problem.Problem;
import kz.gfc.kit.web.Roles;
import kz.gfc.queue.domain.Actor;
import kz.gfc.queue.domain.branch.Branches;
import kz.gfc.queue.domain.window.CallOrder;
import kz.gfc.queue.domain.window.ServiceWindow;
import kz.gfc.queue.domain.window.WindowService;

@Path("/api/v1/windows/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "windows", description = "Operators at windows: sessions with the R6 nameplate, calling the next ticket")
public class WindowResource {

    private final WindowService windows;
    private final Actors actors;
    private final Branches branches;

    public WindowResource(WindowService windows, Actors actors, Branches branches) {
        this.windows = windows;
        this.actors = actors;
        this.branches = branches;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateWindow", summary = "Renumber a window or change the categories it serves")
    public WindowView update(@PathParam("id") long id, @Valid @NotNull BranchResource.NewWindow body) {
        return WindowView.of(branches.updateWindow(id, body.number(), body.categories()));
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "retireWindow", summary = "Take a window out of service (409 while an operator is signed in)")
    public Response retire(@PathParam("id") long id) {
        branches.retireWindow(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/session")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "signInToWindow", summary = "Sign in to a window; the nameplate (R6) is the token's full name"
            + " and the staff directory's position, never the request's")
    @APIResponse(responseCode = "200", description = "signed in", content = @Content(schema = @Schema(implementation = WindowView.class)))
    @APIResponse(responseCode = "409", description = "window occupied or signed in elsewhere",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "no full name in the token or no position in the staff directory",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public WindowView signIn(@PathParam("id") long id) {
        Actor actor = actors.current();
        windows.requireWorksAtWindow(id, actor); // whose window it is before what their nameplate lacks
        Actors.Nameplate plate = actors.nameplate();
        return WindowView.of(windows.signIn(id, actor, plate.fullName(), plate.position()));
    }

    @DELETE
    @Path("/session")
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
    @Operation(operationId = "signOutOfWindow", summary = "Leave the window")
    public WindowView signOut(@PathParam("id") long id) {
        return WindowView.of(windows.signOut(id, actors.current()));
    }

    @POST
    @Path("/call-next")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "callNext", summary = "Call the next ticket by CallOrder; 204 when nobody waits")
    public Response callNext(@PathParam("id") long id) {
        return windows.callNext(id, actors.current())
                .map(c -> Response.ok(new CallView(TicketView.of(c.ticket()), c.rule(), c.roomReference())).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @POST
    @Path("/pause")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
    @Operation(operationId = "pauseWindow", summary = "A break: the window calls nobody and is not counted in wait bands until it resumes")
    public WindowView pause(@PathParam("id") long id, @Valid Pause body) {
        return WindowView.of(windows.pause(id, body == null ? null : body.reason(), actors.current()));
    }

    @POST
    @Path("/resume")
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
    @Operation(operationId = "resumeWindow", summary = "Back from a break")
    public WindowView resume(@PathParam("id") long id) {
        return WindowView.of(windows.resume(id, actors.current()));
    }

    @POST
    @Path("/call")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "callByNumber", summary = "Call one waiting ticket by its number, out of turn, with a reason"
            + " (recorded as a BY_NUMBER call decision)")
    @APIResponse(responseCode = "200", description = "called", content = @Content(schema = @Schema(implementation = CallView.class)))
    @APIResponse(responseCode = "404", description = "no such ticket today at this branch",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "the ticket is not waiting, or the window is busy or on a break",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public CallView callByNumber(@PathParam("id") long id, @Valid @NotNull CallByNumber body) {
        WindowService.Call c = windows.callByNumber(id, body.number(), body.reason().strip(), actors.current());
        return new CallView(TicketView.of(c.ticket()), c.rule(), c.roomReference());
    }

    public record Pause(@Size(max = 200) String reason) {
    }

    public record CallByNumber(
            @NotBlank @Size(max = 20) @Pattern(regexp = "[\\p{L}\\p{N}-]+", message = "letters, digits and '-' only") String number,
            @NotBlank @Size(max = 500) String reason) {
    }

    /** What the operator gets on a call; the room reference is the same one the citizen sees (R12). */
    public record CallView(TicketView ticket, CallOrder.Rule rule, String roomReference) {
    }

    public record WindowView(long id, String branchCode, int number, Set<String> categories, String operatorId,
            String operatorName, String operatorPosition, Instant signedInAt, Instant pausedAt, String pauseReason) {

        static WindowView of(ServiceWindow w) {
            return new WindowView(w.id, w.branchCode, w.number, Set.copyOf(w.categories), w.operatorId, w.operatorName,
                    w.operatorPosition, w.signedInAt, w.pausedAt, w.pauseReason);
        }

        static List<WindowView> of(List<ServiceWindow> ws) {
            return ws.stream().map(WindowView::of).toList();
        }
    }
}
