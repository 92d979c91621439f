package io.techo.anchor;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.techo.iost.devnet.Devnet;
import io.techo.iost.devnet.DevnetConfig;
import io.techo.iost.devnet.Faults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

/**
 * A real IOST devnet in the test JVM (fast blocks, irreversible two blocks after packing, the genesis' anchor contract
 * and development account), the node the anchor-service under test talks to over HTTP.
 */
public class DevnetResource implements QuarkusTestResourceLifecycleManager {

    private static Devnet devnet;

    public static Devnet devnet() {
        return devnet;
    }

    public static void faults(Faults.Settings settings) {
        devnet.faults().set(settings);
    }

    public static void clearFaults() {
        devnet.faults().set(Faults.Settings.none());
    }

    @Override
    public Map<String, String> start() {
        try {
            devnet = Devnet.start(DevnetConfig.defaults().withPort(0)
                    .withDataDir(Files.createTempDirectory("anchor-test-devnet"))
                    .withBlockInterval(Duration.ofMillis(100), 2));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("techo.anchor.iost.url", devnet.uri().toString());
    }

    @Override
    public void stop() {
        if (devnet != null) {
            devnet.close();
        }
    }
}
