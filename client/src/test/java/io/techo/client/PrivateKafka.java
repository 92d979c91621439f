package io.techo.client;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Kafka broker of this test run alone, started with {@code deploy/local/kafka.sh} under {@code target/}. The journey
 * needs one: on the shared broker every other running anchor-service (other checkouts' tests, a local deployment)
 * logs our events too, and its confirmation of our record can reach our record-service first — with a checkpoint
 * anchored on another devnet, which our verify rightly refuses.
 */
final class PrivateKafka implements AutoCloseable {

    private static final Path SCRIPT = Path.of("..", "deploy", "local", "kafka.sh");

    private final Map<String, String> env;
    private final String bootstrap;

    PrivateKafka() {
        int port = freePort();
        bootstrap = "127.0.0.1:" + port;
        env = Map.of(
                "TECHO_LOCAL", Path.of("target", "private-kafka").toAbsolutePath().toString(),
                "KAFKA_PORT", String.valueOf(port),
                "KAFKA_CONTROLLER_PORT", String.valueOf(freePort()),
                "KAFKA_BOOTSTRAP", bootstrap,
                "KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        run("start");
    }

    String bootstrap() {
        return bootstrap;
    }

    @Override
    public void close() {
        run("stop");
    }

    private void run(String command) {
        File log = new File("target/private-kafka-" + command + ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString(), command).redirectErrorStream(true).redirectOutput(log);
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("kafka.sh " + command + " failed; see " + log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + SCRIPT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
