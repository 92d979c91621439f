package io.techo.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * async-profiler (Maven Central {@code tools.profiler:async-profiler}, on this module's class path) as a JVM agent:
 * CPU samples every millisecond of CPU time ({@code itimer}: no perf events needed, works in containers), written
 * when the process exits as collapsed stacks, one line per distinct stack with its sample count.
 */
final class CpuProfiler {

    private static final String LIBRARY = "linux-x64/libasyncProfiler.so";

    private CpuProfiler() {
    }

    /** The {@code -agentpath} option that profiles a process into {@code output}; unpacks the library into {@code workDirectory}. */
    static String agentOption(Path workDirectory, Path output) {
        return "-agentpath:" + library(workDirectory) + "=start,event=itimer,interval=1ms,collapsed,file=" + output.toAbsolutePath();
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
