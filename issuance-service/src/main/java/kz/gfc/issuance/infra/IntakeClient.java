package kz.gfc.issuance.infra;

import java.util.UUID;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/** intake-service's applicant contact, for role {@code service}: POST so the id and answer stay out of access logs. */
@RegisterRestClient(configKey = "intake")
@OidcClientFilter
@Path("/api/v1/applications")
public interface IntakeClient {

    @POST
    @Path("/{id}/contact")
    @Produces(MediaType.APPLICATION_JSON)
    ContactReply contact(@PathParam("id") UUID applicationId);

    record ContactReply(String phone, String language) {
    }
}
