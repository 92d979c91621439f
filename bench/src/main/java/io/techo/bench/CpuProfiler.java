package io.techo.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * async-profiler (Maven Central {@code tools.profiler:async-profiler}, on this module's class path) as a JVM agent:
 * CPU samples every millisecond of CPU time ({@code itimer}: no perf events needed, works in containers), written as
 * collapsed stacks, one line per distinct stack with its sample count. One file per {@link #SLICE} of the run, named
 * by the time the slice ended, so a measured window can be told apart from start-up and warm-up (JIT compilation
 * dominates those).
 */
final class CpuProfiler {

    private static final String LIBRARY = "linux-x64/libasyncProfiler.so";
    static final String SLICE = "30s";

    private CpuProfiler() {
    }

    /**
     * The {@code -agentpath} option that profiles a process into {@code <directory>/<name>-cpu-<slice end>.collapsed}
     * (end as {@code yyyyMMdd-HHmmss}, local time); unpacks the library into {@code workDirectory}.
     */
    static String agentOption(Path workDirectory, Path directory, String name) {
        return "-agentpath:" + library(workDirectory) + "=start,event=itimer,interval=1ms,loop=" + SLICE + ",collapsed,file="
                + directory.resolve(name + "-cpu-%t.collapsed").toAbsolutePath();
    }

    private static synchronized Path library(Path workDirectory) {
        Path library = workDirectory.resolve("libasyncProfiler.so").toAbsolutePath();
        if (Files.exists(library)) {
            return library;
        }
        try (InputStream in = CpuProfiler.class.getClassLoader().getResourceAsStream(LIBRARY)) {
            if (in == null) {
                throw new IllegalStateException("--profile: " + LIBRARY + " is not on the class path (tools.profiler:async-profiler)");
            }
            Files.createDirectories(workDirectory);
            Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
            return library;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
