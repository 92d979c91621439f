package io.techo.web.e2e;

import io.techo.common.crypto.Ed25519;
import io.techo.common.crypto.Ed25519KeyPair;
import io.techo.testkit.ServiceProcess;
import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system as processes, from the packaged jars: the IOST devnet, consent-, record- and anchor-service on
 * their own databases ({@code techo_*_web_it}) and Kafka consumer groups, and the gateway (which serves the web
 * client) with a token key and an operator made for this run. Logs: {@code web/target/<name>.log}.
 */
final class SystemUnderTest implements AutoCloseable {

    static final String OPERATOR_ID = "operator-web-e2e";
    static final List<String> DATABASES = List.of("techo_consent_web_it", "techo_record_web_it", "techo_anchor_web_it");

    final Ed25519KeyPair operator = Ed25519.generate();
    private final List<ServiceProcess> services = new ArrayList<>();
    private Process devnet;
    private ServiceProcess gateway;

    SystemUnderTest start() throws IOException, InterruptedException {
        KeyPair tokenKey = newTokenKey();
        String publicPem = pem("PUBLIC KEY", tokenKey.getPublic().getEncoded());
        String devnetUrl = startDevnet();
        ServiceProcess consent = service("consent-service", publicPem, "techo_consent_web_it", Map.of());
        ServiceProcess record = service("record-service", publicPem, "techo_record_web_it", Map.of(
                "TECHO_CONSENT_URL", consent.url(),
                "MP_MESSAGING_INCOMING_ANCHOR_EVENTS_GROUP_ID", "record-service-anchors-web-e2e",
                "MP_MESSAGING_INCOMING_ANCHOR_EVENTS_AUTO_OFFSET_RESET", "latest",
                "MP_MESSAGING_INCOMING_CONSENT_EVENTS_GROUP_ID", "record-service-web-e2e",
                "MP_MESSAGING_INCOMING_CONSENT_EVENTS_AUTO_OFFSET_RESET", "latest"));
        ServiceProcess anchor = service("anchor-service", publicPem, "techo_anchor_web_it", Map.of(
                "TECHO_IOST_URL", devnetUrl,
                "KAFKA_GROUP_ID", "anchor-service-web-e2e",
                "KAFKA_AUTO_OFFSET_RESET", "latest"));
        gateway = new ServiceProcess("gateway", Map.of(
                "TECHO_GATEWAY_JWT_PRIVATE_KEY", pem("PRIVATE KEY", tokenKey.getPrivate().getEncoded()),
                "TECHO_CONSENT_URL", consent.url(),
                "TECHO_RECORD_URL", record.url(),
                "TECHO_ANCHOR_URL", anchor.url(),
                "TECHO_IOST_URL", devnetUrl,
                "TECHO_GATEWAY_OPERATORS", OPERATOR_ID + "=" + Base64.getEncoder().encodeToString(operator.publicKey()))).start();
        services.add(gateway);
        return this;
    }

    String gatewayUrl() {
        return gateway.url();
    }

    private ServiceProcess service(String module, String publicPem, String database, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of(
                "TECHO_JWT_PUBLIC_KEY", publicPem,
                "DB_REACTIVE_URL", "mysql://127.0.0.1:3306/" + database,
                "DB_JDBC_URL", "jdbc:mariadb://127.0.0.1:3306/" + database,
                "QUARKUS_FLYWAY_CLEAN_AT_START", "true",
                "QUARKUS_FLYWAY_CLEAN_DISABLED", "false",
                "TECHO_OUTBOX_POLL_INTERVAL", "50ms"));
        env.putAll(extra);
        ServiceProcess process = new ServiceProcess(module, env).start();
        services.add(process);
        return process;
    }

    private String startDevnet() throws IOException, InterruptedException {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx128m", "-jar", Path.of("..", "iost", "devnet", "target", "iost-devnet.jar").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/iost-devnet.log")));
        builder.environment().put("DEVNET_PORT", String.valueOf(port));
        builder.environment().put("DEVNET_DATA_DIR", Files.createTempDirectory("web-e2e-devnet").toString());
        builder.environment().put("DEVNET_BLOCK_INTERVAL_MS", "200");
        devnet = builder.start();
        String url = "http://127.0.0.1:" + port;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!devnet.isAlive()) {
                throw new IllegalStateException("the devnet exited; see target/iost-devnet.log");
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(url + "/getChainInfo").toURL().openConnection();
                connection.setConnectTimeout(500);
                if (connection.getResponseCode() == 200) {
                    return url;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the devnet did not answer within 60 s");
    }

    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).stop();
        }
        if (devnet != null) {
            devnet.destroy();
        }
    }

    private static KeyPair newTokenKey() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
