package io.techo.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Everything the gateway reads from configuration (application.properties maps the environment variables). */
@ConfigMapping(prefix = "techo.gateway")
public interface GatewayConfig {

    Token token();

    Login login();

    Upstreams upstreams();

    RateLimits rateLimit();

    /** The HTTPS certificate and key (PEM files); read by {@link TlsFromEnvironment}, listed here for completeness. */
    Tls tls();

    /**
     * Operators are not directory parties: each entry is {@code accountId=base64 of the raw Ed25519 public key} of
     * an operator's device.
     */
    Optional<List<String>> operators();

    interface Tls {
        Optional<String> certFile();

        Optional<String> keyFile();
    }

    interface Token {
        /** PEM (PKCS#8) Ed25519 private key that signs the access tokens and the login challenges. */
        Optional<String> privateKey();

        /** The same key as a file, used when {@link #privateKey()} is not set. */
        Optional<String> privateKeyFile();

        /** The {@code iss} claim; services pin it (TECHO_JWT_ISSUER). */
        @WithDefault("techo-gateway")
        String issuer();

        /** The {@code aud} claim. */
        @WithDefault("techo")
        String audience();

        /** How long an access token is valid. */
        @WithDefault("15m")
        Duration lifetime();
    }

    interface Login {
        /** How long a login challenge may be answered. */
        @WithDefault("60s")
        Duration challengeLifetime();

        /** How many answered challenges are remembered at most (single use); beyond it new logins wait. */
        @WithDefault("100000")
        int maxRememberedChallenges();
    }

    interface Upstreams {
        String recordUrl();

        String consentUrl();

        String anchorUrl();

        /** An IOST node's HTTP API, for the two read-only chain lookups a browser makes to verify an anchor. */
        String iostUrl();

        @WithDefault("1s")
        Duration connectTimeout();

        /** Connections the gateway keeps open to each upstream: at most this many requests are in a service at once. */
        @WithDefault("64")
        int maxConnections();

        /**
         * Requests that may wait for one of those connections; more are refused at once with 503 and
         * {@code Retry-After} (load shedding): beyond its capacity a service answers nobody faster by queueing, and a
         * request that waits until the response timeout is worse for the client than a prompt "retry shortly".
         */
        @WithDefault("64")
        int maxQueued();

        /** The longest wait for an upstream's response (and between two chunks of it). */
        @WithDefault("10s")
        Duration responseTimeout();

        /** Consecutive failures that open an upstream's circuit. */
        @WithDefault("5")
        int breakerFailures();

        /** How long an open circuit refuses calls before it lets one through again. */
        @WithDefault("10s")
        Duration breakerOpenFor();
    }

    interface RateLimits {
        /** Sustained requests per second per account; bursts up to {@link #accountBurst()}. */
        @WithDefault("50")
        double accountPerSecond();

        @WithDefault("100")
        int accountBurst();

        /** Sustained requests per second per client address, authenticated or not. */
        @WithDefault("100")
        double addressPerSecond();

        @WithDefault("200")
        int addressBurst();

        /** Paths whose requests never count (health, metrics). */
        @WithDefault("/q/")
        List<String> exemptPrefixes();
    }
}
