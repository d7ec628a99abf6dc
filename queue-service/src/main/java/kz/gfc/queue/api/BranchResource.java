package kz.gfc.queue.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.gfc.kit.web.Roles;
import kz.gfc.queue.domain.Actor;
import kz.gfc.queue.domain.branch.Branch;
import kz.gfc.queue.domain.branch.Branches;
import kz.gfc.queue.domain.window.CallDecision;
import kz.gfc.queue.domain.window.CallOrder;
import kz.gfc.queue.domain.window.StaffMember;
import kz.gfc.queue.domain.window.SupervisorView;
import kz.gfc.queue.domain.window.WindowService;

@Path("/api/v1/branches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "branches", description = "Public service centres, their schedule (R3) and queue mode (R6)")
public class BranchResource {

    private final Branches branches;
    private final WindowService windows;
    private final Actors actors;
    private final SupervisorView supervisorView;

    public BranchResource(Branches branches, WindowService windows, Actors actors, SupervisorView supervisorView) {
        this.branches = branches;
        this.windows = windows;
        this.actors = actors;
        this.supervisorView = supervisorView;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listBranches", summary = "All branches (public)")
    public List<BranchView> list() {
        return branches.all().stream().map(BranchView::of).toList();
    }

    @GET
    @Path("/{code}")
    @PermitAll
    @Operation(operationId = "getBranch", summary = "One branch (public)")
    public BranchView get(@PathParam("code") String code) {
        return BranchView.of(branches.row(code));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createBranch", summary = "Add a branch with the categories it serves")
    public Response create(@Valid @NotNull NewBranch body) {
        Branch b = branches.createBranch(new Branches.NewBranch(body.code(), body.nameKk(), body.nameRu(),
                body.region(), body.timeZone(), body.scheduleKind(), body.categories()));
        return Response.created(URI.create("/api/v1/branches/" + b.code)).entity(BranchView.of(b)).build();
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateBranch", summary = "Rename a branch or change its region, time zone or schedule kind (R3)")
    public BranchView update(@PathParam("code") String code, @Valid @NotNull BranchChange body) {
        return BranchView.of(branches.updateBranch(code, new Branches.BranchChange(body.nameKk(), body.nameRu(),
                body.region(), body.timeZone(), body.scheduleKind())));
    }

    @PUT
    @Path("/{code}/categories")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "setBranchCategories", summary = "Which categories a branch serves")
    public BranchView setCategories(@PathParam("code") String code, @NotNull Set<@NotBlank String> categories) {
        return BranchView.of(branches.setBranchCategories(code, categories));
    }

    @PUT
    @Path("/{code}/mode")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "changeBranchMode", summary = "R6: switch between the electronic and the live queue")
    public BranchView changeMode(@PathParam("code") String code, @Valid @NotNull ModeChange change) {
        Actor actor = actors.current();
        actor.requireWorksAt(code);
        return BranchView.of(branches.changeMode(code, change.mode(), actor.id()));
    }

    @GET
    @Path("/{code}/windows")
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listWindows", summary = "The branch's windows with who is signed in")
    public List<WindowResource.WindowView> windows(@PathParam("code") String code) {
        actors.current().requireWorksAt(code);
        return WindowResource.WindowView.of(windows.windows(code));
    }

    @POST
    @Path("/{code}/windows")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createWindow", summary = "Add a window serving some of the branch's categories")
    public Response createWindow(@PathParam("code") String code, @Valid @NotNull NewWindow body) {
        var w = branches.createWindow(code, body.number(), body.categories());
        return Response.created(URI.create("/api/v1/windows/" + w.id)).entity(WindowResource.WindowView.of(w)).build();
    }

    @GET
    @Path("/{code}/call-decisions")
    @RolesAllowed({Roles.SUPERVISOR, Roles.AUDITOR})
    @Operation(operationId = "listCallDecisions", summary = "Every call of a day with the CallOrder rule that chose it")
    public List<DecisionView> decisions(@PathParam("code") String code, @QueryParam("date") String date) {
        Actor actor = actors.current();
        if (!actor.roles().contains(Roles.AUDITOR)) { // internal control reads every branch; a supervisor their own
            actor.requireWorksAt(code);
        }
        return windows.decisions(code, Inputs.date("date", date)).stream().map(DecisionView::of).toList();
    }

    @GET
    @Path("/{code}/floor")
    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "branchFloor", summary = "The supervisor's live view: per category, who waits and how long,"
            + " served today and how fast, windows open and on a break")
    public SupervisorView.Floor floor(@PathParam("code") String code) {
        actors.current().requireWorksAt(code);
        return supervisorView.floor(code);
    }

    @PUT
    @Path("/{code}/staff/{login}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "putStaffMember", summary = "The staff directory: a member of staff's position for their window's nameplate")
    public StaffView putStaff(@PathParam("code") String code,
            @PathParam("login") @Size(max = 200) @Pattern(regexp = "[\\p{L}\\p{N}._@-]+", message = "a login") String login,
            @Valid @NotNull StaffChange body) {
        StaffMember m = branches.putStaffMember(code, login, body.position().strip());
        return new StaffView(m.login, m.branchCode, m.position, m.updatedAt);
    }

    public record StaffChange(@NotBlank @Size(max = 200) String position) {
    }

    public record StaffView(String login, String branchCode, String position, Instant updatedAt) {
    }

    public record ModeChange(@NotNull Branch.Mode mode) {
    }

    public record NewBranch(
            @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Z0-9-]+") String code,
            @NotBlank @Size(max = 200) String nameKk,
            @NotBlank @Size(max = 200) String nameRu,
            @NotBlank @Size(max = 100) String region,
            @Size(max = 50) String timeZone,
            @NotNull Branch.ScheduleKind scheduleKind,
            @NotEmpty Set<@NotBlank String> categories) {
    }

    public record BranchChange(
            @NotBlank @Size(max = 200) String nameKk,
            @NotBlank @Size(max = 200) String nameRu,
            @NotBlank @Size(max = 100) String region,
            @Size(max = 50) String timeZone,
            @NotNull Branch.ScheduleKind scheduleKind) {
    }

    public record NewWindow(@Min(1) @Max(999) int number, @NotEmpty Set<@NotBlank String> categories) {
    }

    public record BranchView(String code, String nameKk, String nameRu, String region, String timeZone,
            Branch.ScheduleKind scheduleKind, Branch.Mode mode, Set<String> categories) {

        static BranchView of(Branch b) {
            return new BranchView(b.code, b.nameKk, b.nameRu, b.region, b.timeZone, b.scheduleKind, b.mode,
                    new TreeSet<>(b.categories));
        }
    }

    public record DecisionView(UUID ticketId, long windowId, String categoryCode, CallOrder.Rule rule,
            int priorityStreak, String operatorId, Instant decidedAt, String reason) {

        static DecisionView of(CallDecision d) {
            return new DecisionView(d.ticketId, d.windowId, d.categoryCode, d.rule, d.priorityStreak, d.operatorId,
                    d.decidedAt, d.reason);
        }
    }
}
