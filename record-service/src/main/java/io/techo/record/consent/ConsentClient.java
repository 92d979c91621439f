package io.techo.record.consent;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The consent-service's internal decision API; the reader's own token is forwarded so it decides for that reader. */
@RegisterRestClient(configKey = "consent")
@Path("/internal/v1/decisions")
public interface ConsentClient {

    @POST
    Uni<ConsentDecision> decide(@HeaderParam("Authorization") String authorization, DecisionQuery query);
}
