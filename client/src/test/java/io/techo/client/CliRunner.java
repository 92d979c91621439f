package io.techo.client;

import io.techo.client.cli.Cli;
import io.techo.client.cli.Terminal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs {@code techo} in this JVM as a person would from a shell (no terminal), capturing its output and exit code. */
final class CliRunner {

    /** One run's exit code, stdout and stderr. */
    record Run(int exitCode, String out, String err) {

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Map<String, String> environment;

    CliRunner(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** {@code techo --profile-dir DIR args…} */
    Run as(Path profile, String... args) {
        List<String> all = new ArrayList<>(List.of("--profile-dir", profile.toString()));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.commandLine(environment, new Terminal(new PrintWriter(out, true), new PrintWriter(err, true), null)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    CliRunner with(String name, String value) {
        Map<String, String> changed = new HashMap<>(environment);
        changed.put(name, value);
        return new CliRunner(changed);
    }
}
