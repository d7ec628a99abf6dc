package kz.gfc.queue.api;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import kz.gfc.queue.domain.booking.BookingService;


@Path("/api/v1/branches/{code}/slots")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "bookings", description = "R12: booking a visit and checking in for a digital ticket")
public class SlotResource {

    private final BookingService bookings;

    public SlotResource(BookingService bookings) {
        this.bookings = bookings;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listSlots", summary = "Bookable slots of a day within working hours (public)")
    public List<SlotView> slots(@PathParam("code") String code, @QueryParam("date") String date,
            @QueryParam("category") String category) {
        String categoryCode = Inputs.required("category", category);
        return bookings.slots(code, Inputs.date("date", date), categoryCode).stream()
                .map(s -> new SlotView(s.startsAt().toOffsetDateTime(), s.endsAt().toOffsetDateTime(), s.capacity(), s.free()))
                .toList();
    }

    public record SlotView(OffsetDateTime startsAt, OffsetDateTime endsAt, int capacity, int free) {
    }
}
