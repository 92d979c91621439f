package io.techo.consent.decision;

import io.smallrye.mutiny.Uni;
import io.techo.consent.directory.PartyKind;
import io.techo.consent.grant.ConsentGrant;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides every read from the database as it is now: no cache, so a revocation that committed is seen by the very
 * next decision. Checks, per grant: status, period, purpose, scope; then break-glass on emergency categories.
 */
@ApplicationScoped
public class DecisionService {

    static final String EMERGENCY_PURPOSE = "ETREAT";
    /** When several grants fail, the reason reported is the first of these that applies: the closest miss. */
    private static final List<String> DENIAL_PRECEDENCE = List.of("OUT_OF_SCOPE", "PURPOSE_MISMATCH", "NOT_YET_VALID", "EXPIRED", "GRANT_REVOKED");

    private final DecisionFacts facts;
    private final Clock clock;

    public DecisionService(DecisionFacts facts, Clock clock) {
        this.facts = facts;
        this.clock = clock;
    }

    public Uni<Decision> decide(String accessorId, String ownerId, String recordId, String category, String purpose,
            Optional<String> breakGlassReason) {
        if (accessorId.equals(ownerId)) {
            return Uni.createFrom().item(Decision.permit("OWNER", null));
        }
        Instant now = Instant.now(clock);
        return facts.load(accessorId, ownerId).chain(found -> {
            if (found.accessorKind() != PartyKind.CLINICIAN) {
                return Uni.createFrom().item(Decision.deny("NO_GRANT"));
            }
            List<String> misses = new ArrayList<>();
            for (ConsentGrant grant : found.grants()) {
                String miss = GrantCheck.miss(grant, recordId, category, purpose, now);
                if (miss == null) {
                    return Uni.createFrom().item(Decision.permit("GRANT", grant.id));
                }
                misses.add(miss);
            }
            if (EMERGENCY_PURPOSE.equals(purpose) && breakGlassReason.isPresent()) {
                return facts.isEmergencyCategory(ownerId, category)
                        .map(emergency -> emergency ? Decision.breakGlass() : Decision.deny("NOT_EMERGENCY_CATEGORY"));
            }
            return Uni.createFrom().item(Decision.deny(DENIAL_PRECEDENCE.stream().filter(misses::contains).findFirst()
                    .orElse("NO_GRANT")));
        });
    }
}
