package io.techo.iost.devnet;

import java.util.HashMap;
import java.util.Map;

/**
 * What accounts have spent on the chain, from the receipts of packed transactions: gas by the publisher, RAM by
 * whoever the receipt charges (the contract owner pays for its storage). Rebuilt on replay, since it is charged as
 * blocks join the chain. Unlike a node, the devnet neither regenerates gas from pledges nor refuses a transaction
 * for the gas or RAM spent here (ADR 0101): these figures are for monitoring.
 */
final class AccountUsage {

    /** Gas and RAM bytes an account has spent. */
    record Spent(double gas, long ram) {
    }

    private final Map<String, Double> gas = new HashMap<>();
    private final Map<String, Long> ram = new HashMap<>();

    void charge(Chain.PackedTx packed) {
        gas.merge(packed.tx().publisher(), packed.receipt().gasUsage(), Double::sum);
        packed.receipt().ramUsage().forEach((account, bytes) -> ram.merge(account, bytes, Long::sum));
    }

    Spent of(String account) {
        return new Spent(gas.getOrDefault(account, 0.0), ram.getOrDefault(account, 0L));
    }
}
