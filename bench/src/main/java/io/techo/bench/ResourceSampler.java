package io.techo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Scenario 5: each process's resident memory and CPU time while the suite runs, read from /proc once a second —
 * the stack's processes, the MariaDB server, the Kafka broker and the load generator itself. Peak RSS is the highest
 * sample (for the stack's own processes also their VmHWM, the kernel's high-water mark); CPU seconds are the
 * process's user + system time used between start and stop.
 */
final class ResourceSampler {

    /** Clock ticks per second of /proc/<pid>/stat's times: USER_HZ, 100 on Linux. */
    private static final double TICKS_PER_SECOND = 100.0;

    record Usage(String name, long pid, long peakRssKiB, double cpuSeconds) {
    }

    /**
     * The CPU each process spent in one measured window, per operation that succeeded in it: what one ingest, one
     * read … costs each process (its background work in that window included: relays, consumers, the anchoring).
     */
    record CpuPerOperation(String window, long operations, Map<String, Double> millisecondsByProcess) {

        double totalMilliseconds() {
            return millisecondsByProcess.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    private static final class Tracked {
        final String name;
        final long pid;
        final boolean ownChild;
        final long startTicks;
        long lastTicks;
        long peakRssKiB;

        Tracked(String name, long pid, boolean ownChild) {
            this.name = name;
            this.pid = pid;
            this.ownChild = ownChild;
            this.startTicks = cpuTicks(pid).orElse(0L);
            this.lastTicks = startTicks;
        }
    }

    private final List<Tracked> tracked = new ArrayList<>();
    private final List<CpuPerOperation> windows = new ArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "resource-sampler");
        thread.setDaemon(true);
        return thread;
    });

    /** Starts sampling the stack's processes (by pid), MariaDB and Kafka (found in /proc) and this JVM. */
    ResourceSampler(Map<String, Long> stackPids) {
        stackPids.forEach((name, pid) -> tracked.add(new Tracked(name, pid, true)));
        findProcess(cmd -> cmd.startsWith("/usr/sbin/mariadbd") || cmd.startsWith("mariadbd") || cmd.contains("/mysqld"))
                .ifPresent(pid -> tracked.add(new Tracked("mariadb", pid, false)));
        findProcess(cmd -> cmd.contains(" kafka.Kafka ")).ifPresent(pid -> tracked.add(new Tracked("kafka", pid, false)));
        tracked.add(new Tracked("load generator (this JVM)", ProcessHandle.current().pid(), false));
        ticker.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    /** A measured window named {@code label}: its CPU per operation is kept for {@link #cpuPerOperation()}. */
    OpenLoop.Window window(String label) {
        return new OpenLoop.Window() {
            private Map<String, Long> start = Map.of();

            @Override
            public void started() {
                start = cpuTicksNow();
            }

            @Override
            public void ended(OpenLoop.Result result) {
                Map<String, Long> end = cpuTicksNow();
                Map<String, Double> perOperation = new LinkedHashMap<>();
                long operations = Math.max(1, result.succeeded());
                end.forEach((name, ticks) -> perOperation.put(name,
                        (ticks - start.getOrDefault(name, ticks)) / TICKS_PER_SECOND * 1000.0 / operations));
                synchronized (ResourceSampler.this) {
                    windows.add(new CpuPerOperation(label, result.succeeded(), perOperation));
                }
            }
        };
    }

    synchronized List<CpuPerOperation> cpuPerOperation() {
        return List.copyOf(windows);
    }

    private synchronized Map<String, Long> cpuTicksNow() {
        Map<String, Long> now = new LinkedHashMap<>();
        for (Tracked t : tracked) {
            cpuTicks(t.pid).ifPresent(ticks -> now.put(t.name, ticks));
        }
        return now;
    }

    List<Usage> stop() {
        ticker.shutdownNow();
        sample();
        synchronized (this) {
            return tracked.stream().map(t -> new Usage(t.name, t.pid, t.peakRssKiB, (t.lastTicks - t.startTicks) / TICKS_PER_SECOND)).toList();
        }
    }

    private synchronized void sample() {
        for (Tracked t : tracked) {
            Map<String, Long> status = status(t.pid);
            long rss = status.getOrDefault("VmRSS", 0L);
            long hwm = t.ownChild ? status.getOrDefault("VmHWM", 0L) : 0L;
            t.peakRssKiB = Math.max(t.peakRssKiB, Math.max(rss, hwm));
            cpuTicks(t.pid).ifPresent(ticks -> t.lastTicks = ticks);
        }
    }

    /** The kB fields of /proc/<pid>/status; empty once the process is gone. */
    private static Map<String, Long> status(long pid) {
        Map<String, Long> fields = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                String[] parts = line.split(":\\s+");
                if (parts.length == 2 && parts[1].endsWith(" kB")) {
                    fields.put(parts[0], Long.parseLong(parts[1].substring(0, parts[1].length() - 3).trim()));
                }
            }
        } catch (IOException | NumberFormatException gone) {
            // the process ended: keep what was sampled
        }
        return fields;
    }

    /** utime + stime of /proc/<pid>/stat (fields 14 and 15; counted after the parenthesised command name). */
    private static Optional<Long> cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    private static Optional<Long> findProcess(java.util.function.Predicate<String> commandLine) {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> commandLine.test(commandLine(p)))
                    .map(p -> Long.parseLong(p.getFileName().toString()))
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String commandLine(Path process) {
        try {
            return new String(Files.readAllBytes(process.resolve("cmdline"))).replace('\0', ' ');
        } catch (IOException gone) {
            return "";
        }
    }
}
