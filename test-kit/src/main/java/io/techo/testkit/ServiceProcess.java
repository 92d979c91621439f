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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Techo service (its packaged Quarkus jar, built earlier in the reactor — or another runnable jar such as the
 * IOST devnet) running as a separate process on a free port, configured through environment variables as in
 * production; its output goes to {@code target/<name>.log}. Tests can stop it gracefully or kill it abruptly (SIGKILL)
 * and start it again.
 */
public final class ServiceProcess {

    private static final Duration DEFAULT_STARTUP = Duration.ofSeconds(90);

    private final String name;
    private final Path jar;
    private final Map<String, String> env;
    private final int port;
    private final String portVariable;
    private final String readyPath;
    private Duration startup = DEFAULT_STARTUP;
    private List<String> jvmOptions = List.of();
    private Process process;

    /** @param module the service's module directory next to the calling module, e.g. {@code record-service} */
    public ServiceProcess(String module, Map<String, String> env) {
        this(module, Path.of("..", module, "target", "quarkus-app", "quarkus-run.jar"), "QUARKUS_HTTP_PORT", "/q/health/ready", env);
    }

    /**
     * Any runnable jar serving HTTP: it gets its free port in {@code portVariable} and is ready once {@code readyPath}
     * answers 200 (e.g. the IOST devnet: {@code DEVNET_PORT}, {@code /getChainInfo}).
     */
    public ServiceProcess(String name, Path jar, String portVariable, String readyPath, Map<String, String> env) {
        this.name = name;
        this.jar = jar;
        this.env = Map.copyOf(env);
        this.port = freePort();
        this.portVariable = portVariable;
        this.readyPath = readyPath;
    }

    /** How long {@link #start} waits for readiness (90 s unless changed; a loaded machine may need more). */
    public ServiceProcess startupTimeout(Duration timeout) {
        this.startup = timeout;
        return this;
    }

    /** Extra JVM options, e.g. a flight recording; {@code -Xmx256m} stays. */
    public ServiceProcess jvmOptions(List<String> options) {
        this.jvmOptions = List.copyOf(options);
        return this;
    }

    public String name() {
        return name;
    }

    /** The operating-system process id while it runs (to read its /proc entries). */
    public long pid() {
        if (process == null) {
            throw new IllegalStateException(name + " is not started");
        }
        return process.pid();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the service with its environment plus {@code extraEnv}, and waits until it is ready. */
    public ServiceProcess start(Map<String, String> extraEnv) {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build " + name + " first (./mvnw verify builds it earlier)");
        }
        List<String> command = new ArrayList<>(List.of("java", "-Xmx256m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/" + name + ".log")));
        builder.environment().putAll(env);
        builder.environment().putAll(extraEnv);
        builder.environment().put(portVariable, String.valueOf(port));
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
        Instant deadline = Instant.now().plus(startup);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited; see target/" + name + ".log");
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(url() + readyPath).toURL().openConnection();
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
        throw new IllegalStateException(name + " not ready within " + startup.toSeconds() + " s; see target/" + name + ".log");
    }

    /** A classpath resource as text (e.g. the TEST-ONLY token key to hand to a service). */
    public static String resource(String path) {
        try (InputStream in = ServiceProcess.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A TCP port nobody listens on right now, e.g. for a second listener of a service. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
