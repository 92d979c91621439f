package io.techo.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.techo.testkit.ServiceProcess;
import io.techo.testkit.TokenKeys;
import io.techo.testkit.TestDevice;
import java.io.IOException;
import java.net.ServerSocket;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.Map;

/**
 * The real consent-service and record-service (their packaged jars, as processes) behind the gateway under test,
 * trusting a token key generated for this run; anchor-service's URL points at a port nobody listens on, which is
 * how the tests see an upstream that is down.
 */
public class GatewayTestServices implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "techo-gateway";
    /** An operator's device, configured in the gateway (operators are not directory parties). */
    public static final TestDevice OPERATOR = new TestDevice();
    public static final String OPERATOR_ID = "operator-1";
    private static KeyPair tokenKey;
    private static ServiceProcess consent;
    private static ServiceProcess record;

    @Override
    public Map<String, String> start() {
        tokenKey = TokenKeys.newEd25519();
        String publicPem = TokenKeys.publicPem(tokenKey);
        consent = new ServiceProcess("consent-service", serviceEnv(publicPem, "techo_consent_gw_it")).start();
        Map<String, String> recordEnv = new java.util.HashMap<>(serviceEnv(publicPem, "techo_record_gw_it"));
        recordEnv.put("TECHO_CONSENT_URL", consent.url());
        record = new ServiceProcess("record-service", recordEnv).start();
        return Map.of(
                "techo.gateway.token.private-key", TokenKeys.privatePem(tokenKey),
                "techo.gateway.token.issuer", ISSUER,
                "techo.gateway.upstreams.consent-url", consent.url(),
                "techo.gateway.upstreams.record-url", record.url(),
                "techo.gateway.upstreams.anchor-url", "http://127.0.0.1:" + closedPort(),
                "techo.gateway.upstreams.iost-url", "http://127.0.0.1:" + closedPort(),
                "techo.gateway.operators", OPERATOR_ID + "=" + Base64.getEncoder().encodeToString(OPERATOR.signingPublicKey()));
    }

    @Override
    public void stop() {
        if (record != null) {
            record.stop();
        }
        if (consent != null) {
            consent.stop();
        }
    }

    /** The gateway's token key of this run, for tests that forge tokens with it. */
    public static PrivateKey tokenPrivateKey() {
        return tokenKey.getPrivate();
    }

    public static String recordServiceUrl() {
        return record.url();
    }

    private static Map<String, String> serviceEnv(String publicPem, String database) {
        return Map.of(
                "TECHO_JWT_PUBLIC_KEY", publicPem,
                "TECHO_JWT_ISSUER", ISSUER,
                "DB_REACTIVE_URL", "mysql://127.0.0.1:3306/" + database,
                "DB_JDBC_URL", "jdbc:mariadb://127.0.0.1:3306/" + database,
                "QUARKUS_FLYWAY_CLEAN_AT_START", "true",
                "QUARKUS_FLYWAY_CLEAN_DISABLED", "false",
                "TECHO_OUTBOX_POLL_INTERVAL", "50ms",
                "QUARKUS_OTEL_SDK_DISABLED", "false");
    }



    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
