package kz.gfc.intake.infra;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/** consent-service's check, called with intake's client-credentials token. */
@Path("/api/v1/consents/check")
@OidcClientFilter
public interface ConsentClient {

    record CheckRequest(String subject, String recipient, String scope, String purpose) {
    }

    record CheckResponse(boolean allowed, String consentId, String validUntil) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    CheckResponse check(CheckRequest request);
}
