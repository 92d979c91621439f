package io.techo.testkit;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A real Techo service (its packaged Quarkus jar, built earlier in the reactor) running as a separate process on a free
 * port, configured through environment variables as in production; its output goes to {@code target/<name>.log}.
 * Tests can stop it gracefully or kill it abruptly (SIGKILL) and start it again.
 */
public final class ServiceProcess {

    private final String name;
    private final Path jar;
    private final Map<String, String> env;
    private final int port;
    private Process process;

    /** @param module the service's module directory next to the calling module, e.g. {@code record-service} */
    public ServiceProcess(String module, Map<String, String> env) {
        this.name = module;
        this.jar = Path.of("..", module, "target", "quarkus-app", "quarkus-run.jar");
        this.env = Map.copyOf(env);
        this.port = freePort();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the service with its environment plus {@code extraEnv}, and waits until it is ready. */
    public ServiceProcess start(Map<String, String> extraEnv) {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build " + name + " first (./mvnw verify builds it earlier)");
        }
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx256m", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/" + name + ".log")));
        builder.environment().putAll(env);
        builder.environment().putAll(extraEnv);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
        awaitReady();
        return this;
    }

    public ServiceProcess start() {
        return start(Map.of());
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** Waits up to the timeout for the process to end by itself (e.g. at a crash point); true if it did. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** SIGKILL: no shutdown hook runs, as in a power cut or an OOM kill. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited; see target/" + name + ".log");
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(url() + "/q/health/ready").toURL().openConnection();
                connection.setConnectTimeout(500);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException(name + " not ready within 90 s; see target/" + name + ".log");
    }

    /** A classpath resource as text (e.g. the TEST-ONLY token key to hand to a service). */
    public static String resource(String path) {
        try (InputStream in = ServiceProcess.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
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
