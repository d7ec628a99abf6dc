package kz.gfc.queue.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.panache.common.Sort;
import kz.gfc.kit.web.Roles;
import kz.gfc.queue.domain.CalendarDay;

@Path("/api/v1/holidays")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "holidays", description = "R3: the working calendar (holidays, days off, transferred working days) as data")
public class HolidayResource {

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "listCalendarDays", summary = "Days that differ from the ordinary week, for one year")
    public List<CalendarDay> list(@QueryParam("year") @Min(2000) @Max(2100) Integer year) {
        int y = year == null ? LocalDate.now().getYear() : year;
        return CalendarDay.list("day >= ?1 and day < ?2", Sort.by("day"), LocalDate.of(y, 1, 1), LocalDate.of(y + 1, 1, 1));
    }
}
