package io.techo.testkit;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Stops and starts the broker that deploy/local/kafka.sh runs, to test behaviour across a broker outage. */
public final class LocalKafka {

    private static final Path SCRIPT = Path.of("..", "deploy", "local", "kafka.sh");

    private LocalKafka() {
    }

    public static void stop() {
        run("stop");
    }

    public static void start() {
        run("start");
    }

    private static void run(String command) {
        try {
            Process process = new ProcessBuilder("bash", SCRIPT.toString(), command)
                    .redirectErrorStream(true)
                    .redirectOutput(new File("target/local-kafka-" + command + ".log"))
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("kafka.sh " + command + " failed; see target/local-kafka-" + command + ".log");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + SCRIPT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
