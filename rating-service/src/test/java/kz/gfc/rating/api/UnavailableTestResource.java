package kz.gfc.rating.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ServiceUnavailableException;

/** Test-only: a resource that is deliberately unavailable, as one whose dependency is down would be. */
@Path("/test-only/unavailable")
public class UnavailableTestResource {

    @GET
    @PermitAll
    public String unavailable() {
        throw new ServiceUnavailableException(7L);
    }
}
