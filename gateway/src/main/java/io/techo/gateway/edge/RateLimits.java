package io.techo.gateway.edge;

import io.techo.gateway.config.GatewayConfig;
import jakarta.inject.Singleton;
import java.time.Duration;

/** The gateway's two rate limits: per client address (every request) and per account (authenticated requests, logins). */
@Singleton
public class RateLimits {

    private final TokenBuckets perAddress;
    private final TokenBuckets perAccount;

    public RateLimits(GatewayConfig config) {
        GatewayConfig.RateLimits limits = config.rateLimit();
        this.perAddress = new TokenBuckets(limits.addressPerSecond(), limits.addressBurst(), System::nanoTime);
        this.perAccount = new TokenBuckets(limits.accountPerSecond(), limits.accountBurst(), System::nanoTime);
    }

    public Duration forAddress(String address) {
        return perAddress.take(address);
    }

    public Duration forAccount(String accountId) {
        return perAccount.take(accountId);
    }
}
