package io.techo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.utils.AppInfoParser;

/** The machine and software a run measured, for the report: figures mean little without them. */
record MachineInfo(int cores, String cpuModel, String memory, String kernel, String javaVersion, String kafka, String mariadb,
        String loadAtStart) {

    static MachineInfo collect(DatabaseServer database) {
        String kafkaVersion = System.getenv("KAFKA_VERSION");
        return new MachineInfo(Runtime.getRuntime().availableProcessors(),
                procField("/proc/cpuinfo", "model name").orElse("unknown"),
                procField("/proc/meminfo", "MemTotal").map(MachineInfo::gib).orElse("unknown"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                kafkaVersion != null ? kafkaVersion + " (broker, KRaft)" : AppInfoParser.getVersion() + " (client; broker version not given)",
                database.version(), loadAverage());
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static Optional<String> procField(String file, String name) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return lines.stream().filter(l -> l.startsWith(name)).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String gib(String memTotal) {
        long kib = Long.parseLong(memTotal.replace("kB", "").trim());
        return String.format("%.1f GiB", kib / 1024.0 / 1024.0);
    }
}
