package kz.gfc.queue.api;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.gfc.kit.iin.Iin;
import kz.gfc.kit.problem.Language;
import kz.gfc.kit.web.Roles;
import kz.gfc.queue.domain.booking.Booking;
import kz.gfc.queue.domain.booking.BookingService;

@Path("/api/v1/bookings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "bookings", description = "R12: booking a visit and checking in for a digital ticket")
public class BookingResource {

    private final BookingService bookings;
    private final Actors actors;

    public BookingResource(BookingService bookings, Actors actors) {
        this.bookings = bookings;
        this.actors = actors;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITIZEN)
    @Operation(operationId = "book", summary = "Book a slot for yourself (IIN from your sign-in): one active booking per"
            + " IIN and category within 10 days, a few active bookings per account")
    public Response book(@Valid @NotNull Book body) {
        Iin applicant = actors.applicant(body.iin(), true);
        Booking b = bookings.book(new BookingService.BookCommand(body.branch(), body.category(), Inputs.dateTime("slotStart", body.slotStart()),
                applicant, Language.parse(body.language()), actors.current().id()));
        return Response.created(URI.create("/api/v1/bookings/" + b.id)).entity(BookingView.of(b)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CITIZEN, Roles.OPERATOR, Roles.SUPERVISOR})
    @Operation(operationId = "getBooking", summary = "One booking (citizens see their own)")
    public BookingView get(@PathParam("id") UUID id) {
        return BookingView.of(bookings.get(id, actors.current()));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.CITIZEN)
    @Operation(operationId = "cancelBooking", summary = "The owner cancels and frees the seat")
    public BookingView cancel(@PathParam("id") UUID id) {
        return BookingView.of(bookings.cancel(id, actors.current()));
    }

    @POST
    @Path("/{id}/check-in")
    @RolesAllowed({Roles.CITIZEN, Roles.OPERATOR})
    @Operation(operationId = "checkIn", summary = "From 15 min before to 10 min after the slot: a booking ticket; later: an ordinary one")
    public CheckInView checkIn(@PathParam("id") UUID id) {
        BookingService.CheckIn c = bookings.checkIn(id, actors.current());
        return new CheckInView(BookingView.of(c.booking()), TicketView.of(c.ticket()), c.late());
    }

    public record Book(
            @NotBlank @Size(max = 20) String branch,
            @NotBlank @Size(max = 20) String category,
            @NotBlank @Size(max = 40) String slotStart,
            /** Optional: the IIN is the sign-in's; one given here must be the same. */
            Iin iin,
            @Pattern(regexp = "kk|ru", message = "must be kk or ru") String language) {
    }

    /** The IIN is not echoed back: the owner knows it, and responses end up in logs. */
    public record BookingView(UUID id, String branchCode, String categoryCode, Instant slotStart, Booking.Status status,
            String language, UUID ticketId) {

        static BookingView of(Booking b) {
            return new BookingView(b.id, b.branchCode, b.categoryCode, b.slotStart, b.status, b.language, b.ticketId);
        }
    }

    public record CheckInView(BookingView booking, TicketView ticket, boolean late) {
    }
}
