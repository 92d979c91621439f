package io.techo.iost.devnet;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar iost-devnet.jar [--config devnet.properties]}: runs the devnet until SIGTERM/SIGINT. Settings:
 * the bundled {@code devnet.properties}, overridden by the config file, {@code DEVNET_*} variables and -D properties.
 */
public final class DevnetMain {
    private DevnetMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path configFile = null;
        for (int i = 0; i < args.length; i++) {
            if ("--config".equals(args[i]) && i + 1 < args.length) {
                configFile = Path.of(args[++i]);
            } else {
                System.err.println("usage: java -jar iost-devnet.jar [--config <devnet.properties>]");
                System.exit(2);
            }
        }
        DevnetConfig config;
        Devnet devnet;
        try {
            config = DevnetConfig.load(configFile, System.getenv(), System.getProperties());
            devnet = Devnet.start(config);
        } catch (RuntimeException e) {
            System.err.println("devnet failed to start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            devnet.close();
            stopped.countDown();
        }, "devnet-shutdown"));
        System.out.println("IOST devnet listening on " + devnet.uri() + " (chain id " + devnet.chainId() + ")");
        stopped.await();
    }
}
