package io.techo.kit.idempotency;

import io.smallrye.mutiny.Uni;
import io.techo.common.problem.ProblemException;
import io.techo.common.problem.ProblemKind;
import io.techo.kit.batch.MultiRowInsert;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Implements {@code Idempotency-Key}: within the caller's transaction, a key seen before with the same request
 * replays the stored response; with a different request it is a 422; a new key runs the action and remembers
 * its response in the same transaction.
 */
@ApplicationScoped
public class IdempotencyGuard {

    /** Inserts {@link #row}s on the reactive SQL client, inside the caller's transaction. */
    public static final MultiRowInsert INSERT = new MultiRowInsert("idempotency_key",
            "caller_id, idempotency_key, request_sha256, response_status, response_body, created_at");

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

    /**
     * For writers that insert the key's row themselves ({@link #row}, e.g. by group commit) and met a duplicate: the
     * response remembered for this key, if the key was used before (a 422 if with a different request).
     */
    public Uni<Optional<StoredResponse>> previousResponse(String callerId, Optional<IdempotencyKey> key) {
        if (key.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return repository.findById(new IdempotencyRecord.Key(callerId, key.get().value()))
                .map(previous -> Optional.ofNullable(previous).map(found -> replay(found, key.get())));
    }

    /** The {@code idempotency_key} row that remembers {@code response}, in {@link #INSERT}'s column order. */
    public Object[] row(String callerId, IdempotencyKey key, StoredResponse response) {
        return new Object[] {callerId, key.value(), key.requestSha256(), response.status(), response.body(),
                LocalDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC)};
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
