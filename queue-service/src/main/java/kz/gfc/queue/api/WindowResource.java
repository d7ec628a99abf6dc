package kz.gfc.queue.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.gfc.kit.problem.Problem;
import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.problem.Text;
import kz.gfc.kit.web.Roles;
import kz.gfc.queue.domain.CallOrder;
import kz.gfc.queue.domain.ReferenceData;
import kz.gfc.queue.domain.ServiceWindow;
import kz.gfc.queue.domain.WindowService;

@Path("/api/v1/windows/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "windows", description = "Operators at windows: sessions with the R6 nameplate, calling the next ticket")
public class WindowResource {

    @Inject
    WindowService windows;

    @Inject
    Actors actors;

    @Inject
    ReferenceData reference;

    @Inject
    JsonWebToken jwt;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateWindow", summary = "Renumber a window or change the categories it serves")
    public WindowView update(@PathParam("id") long id, @Valid @NotNull BranchResource.NewWindow body) {
        return WindowView.of(reference.updateWindow(id, body.number(), body.categories()));
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "retireWindow", summary = "Take a window out of service (409 while an operator is signed in)")
    public Response retire(@PathParam("id") long id) {
        reference.retireWindow(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/session")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(operationId = "signInToWindow", summary = "Sign in to a window; full name and position from the body or the token")
    public WindowView signIn(@PathParam("id") long id, @Valid Session body) {
        String name = body != null && body.fullName() != null ? body.fullName().strip() : claim("name");
        String position = body != null && body.position() != null ? body.position().strip() : claim("position");
        if (name == null || name.isBlank() || position == null || position.isBlank()) {
            // R6: every workplace shows the operator's full name and position; without them, no session
            throw ProblemException.unprocessable("nameplate-required", "Full name and position are required",
                    Text.of("Аты-жөніңізді және лауазымыңызды көрсетіңіз", "Укажите ФИО и должность"),
                    new Problem.FieldError("fullName", "required with position"));
        }
        return WindowView.of(windows.signIn(id, actors.current(), name, position));
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

    private String claim(String name) {
        Object v = jwt == null ? null : jwt.getClaim(name);
        return v == null ? null : v.toString();
    }

    public record Session(@Size(max = 200) String fullName, @Size(max = 200) String position) {
    }

    /** What the operator gets on a call; the room reference is the same one the citizen sees (R12). */
    public record CallView(TicketView ticket, CallOrder.Rule rule, String roomReference) {
    }

    public record WindowView(long id, String branchCode, int number, Set<String> categories, String operatorId,
            String operatorName, String operatorPosition, Instant signedInAt) {

        static WindowView of(ServiceWindow w) {
            return new WindowView(w.id, w.branchCode, w.number, Set.copyOf(w.categories), w.operatorId, w.operatorName,
                    w.operatorPosition, w.signedInAt);
        }

        static List<WindowView> of(List<ServiceWindow> ws) {
            return ws.stream().map(WindowView::of).toList();
        }
    }
}
