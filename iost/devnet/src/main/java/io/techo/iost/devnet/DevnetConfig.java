package io.techo.iost.devnet;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Devnet settings. Precedence: system properties, then environment ({@code devnet.block-interval-ms} is
 * {@code DEVNET_BLOCK_INTERVAL_MS}), then the {@code --config} file, then the bundled {@code devnet.properties}.
 */
public record DevnetConfig(
        String host,
        int port,
        Path dataDir,
        Path genesis,
        Duration blockInterval,
        int irreversibleLag,
        Faults.Settings faults) {

    public DevnetConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("devnet.port must be 0-65535");
        }
        if (blockInterval.toMillis() < 10) {
            throw new IllegalArgumentException("devnet.block-interval-ms must be at least 10");
        }
        if (irreversibleLag < 0) {
            throw new IllegalArgumentException("devnet.irreversible-lag must be >= 0");
        }
    }

    public DevnetConfig withPort(int newPort) {
        return new DevnetConfig(host, newPort, dataDir, genesis, blockInterval, irreversibleLag, faults);
    }

    public DevnetConfig withDataDir(Path dir) {
        return new DevnetConfig(host, port, dir, genesis, blockInterval, irreversibleLag, faults);
    }

    public DevnetConfig withBlockInterval(Duration interval, int lag) {
        return new DevnetConfig(host, port, dataDir, genesis, interval, lag, faults);
    }

    public DevnetConfig withGenesis(Path file) {
        return new DevnetConfig(host, port, dataDir, file, blockInterval, irreversibleLag, faults);
    }

    public DevnetConfig withFaults(Faults.Settings settings) {
        return new DevnetConfig(host, port, dataDir, genesis, blockInterval, irreversibleLag, settings);
    }

    /** The bundled defaults only (what tests start from). */
    public static DevnetConfig defaults() {
        return load(null, Map.of(), new Properties());
    }

    public static DevnetConfig load(Path configFile, Map<String, String> env, Properties system) {
        Properties p = new Properties();
        try (InputStream in = DevnetConfig.class.getResourceAsStream("/devnet.properties")) {
            p.load(in);
            if (configFile != null) {
                try (Reader r = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read devnet config: " + e.getMessage(), e);
        }
        for (String key : p.stringPropertyNames()) {
            String envName = key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
            if (env.containsKey(envName)) {
                p.setProperty(key, env.get(envName));
            }
            if (system.containsKey(key)) {
                p.setProperty(key, system.getProperty(key));
            }
        }
        String genesis = p.getProperty("devnet.genesis", "").trim();
        String failTxs = p.getProperty("devnet.fault.fail-txs", "").trim();
        return new DevnetConfig(
                p.getProperty("devnet.host").trim(),
                intValue(p, "devnet.port"),
                Path.of(p.getProperty("devnet.data-dir").trim()),
                genesis.isEmpty() ? null : Path.of(genesis),
                Duration.ofMillis(intValue(p, "devnet.block-interval-ms")),
                intValue(p, "devnet.irreversible-lag"),
                new Faults.Settings(
                        Boolean.parseBoolean(p.getProperty("devnet.fault.refuse-all").trim()),
                        Boolean.parseBoolean(p.getProperty("devnet.fault.drop-txs").trim()),
                        intValue(p, "devnet.fault.pack-delay-ms"),
                        failTxs.isEmpty() ? null : Faults.statusCode(failTxs),
                        Boolean.parseBoolean(p.getProperty("devnet.fault.hold-irreversibility").trim())));
    }

    private static int intValue(Properties p, String key) {
        try {
            return Integer.parseInt(p.getProperty(key).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an integer, got " + p.getProperty(key));
        }
    }
}
