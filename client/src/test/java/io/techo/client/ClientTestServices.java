package io.techo.client;

import io.techo.iost.devnet.Devnet;
import io.techo.iost.devnet.DevnetConfig;
import io.techo.testkit.ServiceProcess;
import io.techo.testkit.TokenKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The whole system as the CLI meets it: an IOST devnet (in this JVM), a Kafka broker of its own ({@link PrivateKafka})
 * and the four real services from their packaged jars, as processes, on free ports, against the local MariaDB
 * (databases of their own, cleaned at start). The gateway signs tokens with a key made for this run and knows one
 * operator.
 */
final class ClientTestServices implements AutoCloseable {

    static final String ISSUER = "techo-gateway";
    private static final Duration EXTRA_START_TIME = Duration.ofSeconds(120);
    static final List<String> DATABASES = List.of("techo_consent_cli_it", "techo_record_cli_it", "techo_anchor_cli_it");

    private final PrivateKafka kafka;
    private final Devnet devnet;
    private final List<ServiceProcess> processes = new ArrayList<>();
    private final ServiceProcess gateway;

    /** @param operators the gateway's operator entries, {@code id=base64 signing key} */
    ClientTestServices(String operators) {
        kafka = new PrivateKafka();
        devnet = Devnet.start(DevnetConfig.defaults().withPort(0).withDataDir(temporaryDirectory())
                .withBlockInterval(Duration.ofMillis(100), 2));
        KeyPair tokenKey = TokenKeys.newEd25519();
        String publicPem = TokenKeys.publicPem(tokenKey);
        String bootstrap = kafka.bootstrap();
        ServiceProcess consent = new ServiceProcess("consent-service", serviceEnv(publicPem, bootstrap, "techo_consent_cli_it"));
        Map<String, String> recordEnv = new HashMap<>(serviceEnv(publicPem, bootstrap, "techo_record_cli_it"));
        recordEnv.put("TECHO_CONSENT_URL", consent.url());
        ServiceProcess record = new ServiceProcess("record-service", recordEnv);
        Map<String, String> anchorEnv = new HashMap<>(serviceEnv(publicPem, bootstrap, "techo_anchor_cli_it"));
        anchorEnv.put("TECHO_IOST_URL", devnet.uri().toString());
        ServiceProcess anchor = new ServiceProcess("anchor-service", anchorEnv);
        gateway = new ServiceProcess("gateway", Map.of(
                "TECHO_GATEWAY_JWT_PRIVATE_KEY", TokenKeys.privatePem(tokenKey),
                "TECHO_JWT_ISSUER", ISSUER,
                "TECHO_CONSENT_URL", consent.url(),
                "TECHO_RECORD_URL", record.url(),
                "TECHO_ANCHOR_URL", anchor.url(),
                "TECHO_GATEWAY_OPERATORS", operators,
                "QUARKUS_HTTP_SSL_PORT", "0"));
        processes.addAll(List.of(consent, record, anchor, gateway));
        try {
            CompletableFuture.allOf(processes.stream().map(p -> CompletableFuture.runAsync(() -> startPatiently(p)))
                    .toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    String gatewayUrl() {
        return gateway.url();
    }

    String kafkaBootstrap() {
        return kafka.bootstrap();
    }

    String iostUrl() {
        return devnet.uri().toString();
    }

    @Override
    public void close() {
        processes.forEach(ServiceProcess::stop);
        devnet.close();
        kafka.close();
    }

    /**
     * Starts the service; four cold Quarkus starts at once on a busy 2-core machine can take longer than test-kit's
     * 90 s, so a service that is still alive then gets another {@link #EXTRA_START_TIME} to become ready.
     */
    private static void startPatiently(ServiceProcess process) {
        try {
            process.start();
        } catch (IllegalStateException slow) {
            if (!process.alive()) {
                throw slow;
            }
            Instant deadline = Instant.now().plus(EXTRA_START_TIME);
            while (!ready(process)) {
                if (!process.alive() || Instant.now().isAfter(deadline)) {
                    throw slow;
                }
                pause();
            }
        }
    }

    private static boolean ready(ServiceProcess process) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(process.url() + "/q/health/ready").toURL().openConnection();
            connection.setConnectTimeout(1000);
            return connection.getResponseCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> serviceEnv(String publicPem, String kafkaBootstrap, String database) {
        return Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap,
                "TECHO_JWT_PUBLIC_KEY", publicPem,
                "TECHO_JWT_ISSUER", ISSUER,
                "DB_REACTIVE_URL", "mysql://127.0.0.1:3306/" + database,
                "DB_JDBC_URL", "jdbc:mariadb://127.0.0.1:3306/" + database,
                "QUARKUS_FLYWAY_CLEAN_AT_START", "true",
                "QUARKUS_FLYWAY_CLEAN_DISABLED", "false",
                "TECHO_OUTBOX_POLL_INTERVAL", "50ms");
    }

    private static java.nio.file.Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("client-it-devnet");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


}
