package kz.gfc.issuance;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;

import kz.gfc.kit.web.Roles;

/**
 * intake's contact endpoint as the contract states it (role {@code service}, POST), served by
 * the test application itself so the real REST client, token filter and fault tolerance are
 * exercised. A test can take it down to see the chain go on without it.
 */
@Path("/api/v1/applications")
public class FakeIntakeContacts {

    static final Map<UUID, String[]> CONTACTS = new ConcurrentHashMap<>();
    static final AtomicBoolean DOWN = new AtomicBoolean();
    static final AtomicInteger CALLS = new AtomicInteger();

    public static void know(UUID applicationId, String phone, String language) {
        CONTACTS.put(applicationId, new String[] {phone, language});
    }

    public record Contact(String phone, String language) {
    }

    @POST
    @Path("/{id}/contact")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SERVICE)
    public Contact contact(@PathParam("id") UUID id) {
        CALLS.incrementAndGet();
        if (DOWN.get()) {
            throw new WebApplicationException(503);
        }
        // every applicant of this test world has a phone; a test that looks at one names it
        String[] c = CONTACTS.getOrDefault(id, new String[] {"+77000000000", "ru"});
        return new Contact(c[0], c[1]);
    }
}
