package io.techo.kit.idempotency;

import io.smallrye.mutiny.Uni;
import io.techo.common.problem.ProblemException;
import io.techo.common.problem.ProblemKind;


import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Implements {@code Idempotency-Key}: within the caller's transaction, a key seen before with the same request
 * replays the stored response; with a different request it is a 422; a new key runs the action and remembers
 * its response in the same transaction.
 */
@ApplicationScoped
public class IdempotencyGuard {

    private final IdempotencyRepository repository;
    private final Clock clock;

    public IdempotencyGuard(IdempotencyRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public Uni<StoredResponse> run(String callerId, Optional<IdempotencyKey> key, Supplier<Uni<StoredResponse>> action) {
        if (key.isEmpty()) {
            return action.get();
        }
        IdempotencyKey idempotency = key.get();
        return repository.findById(new IdempotencyRecord.Key(callerId, idempotency.value()))
                .chain(previous -> previous == null
                        ? action.get().call(response -> remember(callerId, idempotency, response))
                        : Uni.createFrom().item(replay(previous, idempotency)));
    }

    private static StoredResponse replay(IdempotencyRecord previous, IdempotencyKey key) {
        if (!previous.requestSha256.equals(key.requestSha256())) {
            throw new ProblemException(ProblemKind.IDEMPOTENCY_KEY_REUSED,
                    "Idempotency-Key '" + key.value() + "' was used with a different request");
        }
        return new StoredResponse(previous.responseStatus, previous.responseBody, null);
    }

    private Uni<IdempotencyRecord> remember(String callerId, IdempotencyKey key, StoredResponse response) {
        IdempotencyRecord row = new IdempotencyRecord();
        row.callerId = callerId;
        row.idempotencyKey = key.value();
        row.requestSha256 = key.requestSha256();
        row.responseStatus = response.status();
        row.responseBody = response.body();
        row.createdAt = Instant.now(clock);
        return repository.persist(row);
    }
}
