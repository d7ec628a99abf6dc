package kz.gfc.intake.infra;

import java.time.LocalDate;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/** queue-service's working calendar (its HolidayResource), read with intake's client-credentials token. */
@Path("/api/v1/holidays")
@OidcClientFilter
public interface QueueCalendarClient {

    record Day(LocalDate day, String kind, String nameKk, String nameRu) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    List<Day> year(@QueryParam("year") int year);
}
