package io.techo.record.consent;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.techo.common.events.CloudEventsKafka;
import io.techo.common.events.ConsentRevoked;
import io.techo.common.events.EventJson;
import io.techo.common.events.EventTypes;
import io.techo.record.repository.KeyEnvelopeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * On {@code techo.consent.revoked}, deletes the grantee's key envelopes of the records the grant covered. Deleting is
 * idempotent, so a redelivered event does no harm; failures are retried, then go to the dead-letter topic.
 */
@ApplicationScoped
public class ConsentEventsConsumer {

    private final KeyEnvelopeRepository envelopes;

    public ConsentEventsConsumer(KeyEnvelopeRepository envelopes) {
        this.envelopes = envelopes;
    }

    @Incoming("consent-events")
    @ActivateRequestContext
    public Uni<Void> on(String payload, IncomingKafkaRecordMetadata<String, String> metadata) {
        Header type = metadata.getHeaders().lastHeader(CloudEventsKafka.H_TYPE);
        if (type == null || !EventTypes.CONSENT_REVOKED.equals(new String(type.value(), StandardCharsets.UTF_8))) {
            return Uni.createFrom().voidItem();
        }
        ConsentRevoked revoked = EventJson.read(payload, ConsentRevoked.class);
        return Panache.withTransaction(() -> envelopes.deleteGranteeEnvelopes(revoked.ownerId(), revoked.granteeId(),
                        revoked.recordIds(), revoked.categories()))
                .invoke(count -> Log.debugf("revocation %s removed %d envelopes of %s", revoked.grantId(), count, revoked.granteeId()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(3)
                .replaceWithVoid();
    }
}
