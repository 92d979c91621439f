package io.techo.anchor.anchor;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.techo.anchor.config.AnchorConfig;
import io.techo.iost.IostClient;
import io.techo.iost.rpc.Account;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/**
 * The anchoring account's resources on chain, as the node's {@code getAccount} reports them, as gauges
 * ({@code techo_anchor_account_*{account}}): what an operator must top up before anchoring stops for lack of gas or
 * RAM. Refreshed every {@code techo.anchor.iost.account-refresh}; a failed read keeps the last values (the node being
 * unreachable is what the chain-error metrics report), and before the first read the gauges are NaN.
 */
@ApplicationScoped
public class AccountGauges {

    private final IostClient node;
    private final String account;
    private final AtomicReference<Account> last = new AtomicReference<>();

    public AccountGauges(IostClient node, AnchorConfig config, MeterRegistry registry) {
        this.node = node;
        this.account = config.iost().account();
        register(registry, Gauge.builder("techo.anchor.account.balance", last, value(Account::balance))
                .description("IOST balance of the anchoring account"));
        register(registry, Gauge.builder("techo.anchor.account.gas", last, value(a -> a.gasInfo().currentTotal()))
                .description("Gas the anchoring account can spend now"));
        register(registry, Gauge.builder("techo.anchor.account.ram.available.bytes", last,
                value(a -> a.ramInfo().available())).description("RAM bytes the anchoring account has left"));
        register(registry, Gauge.builder("techo.anchor.account.ram.used.bytes", last, value(a -> a.ramInfo().used()))
                .description("RAM bytes the anchoring account uses"));
    }

    private void register(MeterRegistry registry, Gauge.Builder<AtomicReference<Account>> gauge) {
        gauge.tag("account", account).register(registry);
    }

    private static ToDoubleFunction<AtomicReference<Account>> value(ToDoubleFunction<Account> field) {
        return ref -> {
            Account read = ref.get();
            return read == null ? Double.NaN : field.applyAsDouble(read);
        };
    }

    @Scheduled(every = "${techo.anchor.iost.account-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            last.set(node.getAccount(account, true));
        } catch (RuntimeException e) {
            Log.debugf("cannot read account %s from the IOST node: %s", account, e.getMessage());
        }
    }
}
