package io.techo.bench;

import io.techo.common.log.NoteSigner;
import io.techo.testkit.ServiceProcess;
import io.techo.testkit.TestDevice;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The system under test, started fresh for one run as separate processes from the packaged jars: an IOST devnet
 * (500 ms blocks, irreversibility lag 0), consent-service, record-service, anchor-service (its own log origin and
 * checkpoint key) and the gateway (HTTP and HTTPS). They share the local MariaDB (databases of their own, cleaned at
 * start) and Kafka; every Kafka consumer starts in a group of its own at the end of its topics, so nothing replays
 * the topics' history.
 */
final class BenchStack implements AutoCloseable {

    static final String OPERATOR_ID = "bench-operator";
    private static final Path ROOT = Path.of("..");
    private static final Duration STARTUP = Duration.ofMinutes(4);

    /**
     * Where things are: the run's id (groups, origin), its databases' suffix, the broker, the database server, a
     * working directory (keys, chain data), and where to put flight recordings and CPU profiles of the processes
     * (none if null).
     */
    record Settings(String runId, String databaseSuffix, Duration checkpointInterval, String kafkaBootstrap, DatabaseServer database,
            Path workDirectory, Path flightRecordings, Path cpuProfiles) {
    }

    private final Settings settings;
    private final String origin;
    private final TestDevice operatorDevice = new TestDevice();
    private final int httpsPort = ServiceProcess.freePort();
    private final List<ServiceProcess> processes = new ArrayList<>();
    private ServiceProcess devnet;
    private ServiceProcess gateway;

    private BenchStack(Settings settings) {
        this.settings = settings;
        this.origin = "techo.bench/suite-" + settings.runId();
    }

    static BenchStack start(Settings settings) {
        BenchStack stack = new BenchStack(settings);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        StackKeys keys = StackKeys.generate(ROOT, settings.workDirectory().resolve("keys"));
        for (String service : List.of("record", "consent", "anchor")) {
            settings.database().createDatabase(database(service));
        }
        devnet = process(new ServiceProcess("iost-devnet", ROOT.resolve("iost/devnet/target/iost-devnet.jar"), "DEVNET_PORT",
                "/getChainInfo", Map.of("DEVNET_DATA_DIR", settings.workDirectory().resolve("devnet").toString(),
                        "DEVNET_IRREVERSIBLE_LAG", "0", "DEVNET_BLOCK_INTERVAL_MS", "500")));
        devnet.start();
        ServiceProcess consent = process(new ServiceProcess("consent-service", serviceEnv(keys, "consent", Map.of())));
        ServiceProcess record = process(new ServiceProcess("record-service", serviceEnv(keys, "record", Map.of(
                "TECHO_CONSENT_URL", consent.url(),
                "MP_MESSAGING_INCOMING_CONSENT_EVENTS_GROUP_ID", group("record-consents"),
                "MP_MESSAGING_INCOMING_CONSENT_EVENTS_AUTO_OFFSET_RESET", "latest",
                "MP_MESSAGING_INCOMING_ANCHOR_EVENTS_GROUP_ID", group("record-anchors"),
                "MP_MESSAGING_INCOMING_ANCHOR_EVENTS_AUTO_OFFSET_RESET", "latest"))));
        ServiceProcess anchor = process(new ServiceProcess("anchor-service", serviceEnv(keys, "anchor", Map.of(
                "TECHO_IOST_URL", devnet.url(),
                "TECHO_LOG_ORIGIN", origin,
                "TECHO_LOG_SIGNING_KEY", NoteSigner.generate(origin).signerKey(),
                "TECHO_CHECKPOINT_INTERVAL", settings.checkpointInterval().toMillis() + "ms",
                "KAFKA_GROUP_ID", group("anchor"),
                "KAFKA_AUTO_OFFSET_RESET", "latest"))));
        gateway = process(new ServiceProcess("gateway", gatewayEnv(keys, record, consent, anchor)));
        startTogether(List.of(consent, record, anchor, gateway));
    }

    private ServiceProcess process(ServiceProcess process) {
        process.startupTimeout(STARTUP);
        List<String> jvmOptions = new ArrayList<>();
        if (settings.flightRecordings() != null) {
            Path recording = settings.flightRecordings().resolve(process.name() + ".jfr").toAbsolutePath();
            jvmOptions.add("-XX:StartFlightRecording=filename=" + recording + ",settings=profile");
        }
        if (settings.cpuProfiles() != null) {
            jvmOptions.add(CpuProfiler.agentOption(settings.workDirectory(), settings.cpuProfiles(), process.name()));
        }
        process.jvmOptions(jvmOptions);
        processes.add(process);
        return process;
    }

    /** Starts the services in parallel (each only needs the others' URLs, known before they listen). */
    private static void startTogether(List<ServiceProcess> services) {
        try {
            CompletableFuture.allOf(services.stream()
                    .map(service -> CompletableFuture.runAsync(service::start, runnable -> new Thread(runnable, "start-" + service.name()).start()))
                    .toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private Map<String, String> serviceEnv(StackKeys keys, String service, Map<String, String> extra) {
        String db = database(service);
        Map<String, String> env = new HashMap<>(settings.database().environment());
        env.putAll(Map.of(
                "TECHO_JWT_PUBLIC_KEY", keys.tokenPublicKeyPem(),
                "DB_REACTIVE_URL", settings.database().reactiveUrl(db),
                "DB_JDBC_URL", settings.database().jdbcUrl(db),
                "QUARKUS_FLYWAY_CLEAN_AT_START", "true",
                "QUARKUS_FLYWAY_CLEAN_DISABLED", "false",
                "KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrap(),
                "QUARKUS_LOG_LEVEL", "WARN"));
        env.putAll(extra);
        return env;
    }

    private Map<String, String> gatewayEnv(StackKeys keys, ServiceProcess record, ServiceProcess consent, ServiceProcess anchor) {
        Map<String, String> env = new HashMap<>();
        env.put("TECHO_GATEWAY_JWT_PRIVATE_KEY_FILE", keys.tokenPrivateKey().toAbsolutePath().toString());
        env.put("TECHO_GATEWAY_TLS_CERT_FILE", keys.tlsCert().toAbsolutePath().toString());
        env.put("TECHO_GATEWAY_TLS_KEY_FILE", keys.tlsKey().toAbsolutePath().toString());
        env.put("QUARKUS_HTTP_SSL_PORT", String.valueOf(httpsPort));
        env.put("TECHO_RECORD_URL", record.url());
        env.put("TECHO_CONSENT_URL", consent.url());
        env.put("TECHO_ANCHOR_URL", anchor.url());
        env.put("TECHO_GATEWAY_OPERATORS", OPERATOR_ID + "=" + Base64.getEncoder().encodeToString(operatorDevice.signingPublicKey()));
        // the load comes from one address and a few dozen accounts: the per-address and per-account limits would
        // measure themselves, not the platform
        env.put("TECHO_GATEWAY_ADDRESS_RATE", "1000000");
        env.put("TECHO_GATEWAY_ADDRESS_BURST", "1000000");
        env.put("TECHO_GATEWAY_ACCOUNT_RATE", "1000000");
        env.put("TECHO_GATEWAY_ACCOUNT_BURST", "1000000");
        env.put("TECHO_GATEWAY_TOKEN_LIFETIME", "2h");
        env.put("QUARKUS_LOG_LEVEL", "WARN");
        return env;
    }

    private String group(String consumer) {
        return "bench-" + settings.runId() + "-" + consumer;
    }

    String database(String service) {
        return "techo_" + service + "_" + settings.databaseSuffix();
    }

    String gatewayHttp() {
        return gateway.url();
    }

    String gatewayHttps() {
        return "https://127.0.0.1:" + httpsPort;
    }

    String devnetUrl() {
        return devnet.url();
    }

    /** The anchor-service's log origin: the first line of its checkpoints, the first argument of its anchor txs. */
    String origin() {
        return origin;
    }

    Settings settings() {
        return settings;
    }

    /** The configured operator, logged in through the gateway. */
    Population.Party operator() {
        return new Population.Party(OPERATOR_ID, operatorDevice,
                Retry.setUp("logging the operator in", () -> new GatewayLogin(gatewayHttp()).token(OPERATOR_ID, operatorDevice)));
    }

    /** Name and process id of every process of the stack. */
    Map<String, Long> pids() {
        Map<String, Long> pids = new java.util.LinkedHashMap<>();
        processes.stream().filter(ServiceProcess::alive).forEach(p -> pids.put(p.name(), p.pid()));
        return pids;
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).stop();
        }
    }
}
