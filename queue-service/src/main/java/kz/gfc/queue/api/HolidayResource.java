package kz.gfc.queue.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.web.Roles;
import kz.gfc.queue.domain.branch.BranchSchedule;
import kz.gfc.queue.domain.branch.CalendarDay;

@Path("/api/v1/holidays")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "holidays", description = "R3: the working calendar (holidays, days off, transferred working days) as data")
public class HolidayResource {

    private final BranchSchedule calendar;

    public HolidayResource(BranchSchedule calendar) {
        this.calendar = calendar;
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.ADMIN, Roles.SERVICE}) // intake keeps its copy for R25 ready dates
    @Operation(operationId = "listCalendarDays", summary = "Days that differ from the ordinary week, for one year")
    public List<CalendarDay> list(@QueryParam("year") String yearText) {
        Integer year = Inputs.year("year", yearText);
        int y = year == null ? LocalDate.now().getYear() : year;
        return calendar.year(y);
    }

    @PUT
    @Path("/{day}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "putCalendarDay", summary = "Declare a holiday, a day off or a transferred working day")
    public CalendarDay put(@PathParam("day") String day, @Valid @NotNull DayBody body) {
        return calendar.putDay(Inputs.date("day", day), body.kind(), body.nameKk(), body.nameRu());
    }

    @DELETE
    @Path("/{day}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "deleteCalendarDay", summary = "Make a day an ordinary day of the week again")
    public Response delete(@PathParam("day") String day) {
        if (!calendar.deleteDay(Inputs.date("day", day))) {
            throw ProblemException.notFound("calendar day", day);
        }
        return Response.noContent().build();
    }

    public record DayBody(@NotNull CalendarDay.Kind kind, @NotBlank @Size(max = 200) String nameKk,
            @NotBlank @Size(max = 200) String nameRu) {
    }
}
