package io.techo.iost.devnet;

import io.techo.iost.rpc.TxReceipt;

/** Fault injection for tests: set at start from config, changed at run time through {@code /_devnet/faults}. */
public final class Faults {
    /**
     * @param refuseAll           every gateway call answers HTTP 503 (as a node behind a failing proxy)
     * @param dropTxs             sendTx answers with the hash but the tx never reaches the pool (lost in transit)
     * @param packDelayMs         a tx is packed only after it has waited this long in the pool
     * @param failTxs             every packed tx gets this receipt status code instead of running
     * @param holdIrreversibility the last irreversible block stops advancing
     */
    public record Settings(boolean refuseAll, boolean dropTxs, long packDelayMs, TxReceipt.StatusCode failTxs,
                           boolean holdIrreversibility) {
        public Settings {
            if (packDelayMs < 0) {
                throw new IllegalArgumentException("pack_delay_ms must be >= 0");
            }
            if (failTxs == TxReceipt.StatusCode.SUCCESS) {
                throw new IllegalArgumentException("fail_txs must be a failure status code, not SUCCESS");
            }
        }

        public static Settings none() {
            return new Settings(false, false, 0, null, false);
        }
    }

    private volatile Settings current;

    public Faults(Settings initial) {
        this.current = initial;
    }

    public Settings get() {
        return current;
    }

    public void set(Settings settings) {
        this.current = settings;
    }

    static TxReceipt.StatusCode statusCode(String name) {
        try {
            return TxReceipt.StatusCode.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown receipt status code " + name);
        }
    }
}
