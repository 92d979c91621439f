package io.techo.client.cli;

import io.techo.client.Profile;
import io.techo.client.SetupException;
import io.techo.client.TechoClient;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * What every command needs, resolved from the global options and the environment: the profile, the gateway, the
 * passphrase (asked once, only when the keys are needed) and the output.
 */
public final class CliContext {

    static final String DEFAULT_GATEWAY = "http://127.0.0.1:8080";
    static final String DEFAULT_IOST_NODE = "http://127.0.0.1:30001";

    private final Map<String, String> environment;
    private final Terminal terminal;
    private final GlobalOptions options = new GlobalOptions();
    private char[] passphrase;

    public CliContext(Map<String, String> environment, Terminal terminal) {
        this.environment = Map.copyOf(environment);
        this.terminal = terminal;
    }

    GlobalOptions options() {
        return options;
    }

    Terminal terminal() {
        return terminal;
    }

    Output output() {
        return new Output(terminal, options.json);
    }

    String env(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    Profile profile() {
        if (options.profileDir != null) {
            return new Profile(options.profileDir);
        }
        String home = env("TECHO_HOME");
        return new Profile(home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".techo"));
    }

    URI gateway() {
        String url = options.gateway != null ? options.gateway : env("TECHO_GATEWAY") != null ? env("TECHO_GATEWAY") : DEFAULT_GATEWAY;
        return Urls.http("--gateway", url);
    }

    TechoClient client() {
        return new TechoClient(profile(), gateway(), this::passphrase);
    }

    /** The passphrase: $TECHO_PASSPHRASE, else asked on the terminal (once per run). */
    char[] passphrase() {
        if (passphrase == null) {
            String fromEnvironment = env("TECHO_PASSPHRASE");
            if (fromEnvironment != null) {
                passphrase = fromEnvironment.toCharArray();
            } else if (terminal.interactive()) {
                passphrase = terminal.console().readPassword("Passphrase for %s: ", profile().keystoreFile());
            }
            if (passphrase == null) {
                throw new SetupException("no passphrase: set TECHO_PASSPHRASE or run techo in a terminal");
            }
        }
        return passphrase;
    }

    /** A new passphrase for a new keystore, asked twice on a terminal; at least 8 characters. */
    char[] newPassphrase() {
        char[] chosen;
        String fromEnvironment = env("TECHO_PASSPHRASE");
        if (fromEnvironment != null) {
            chosen = fromEnvironment.toCharArray();
        } else if (terminal.interactive()) {
            chosen = terminal.console().readPassword("New passphrase (at least 8 characters): ");
            char[] again = terminal.console().readPassword("Repeat it: ");
            if (chosen == null || !java.util.Arrays.equals(chosen, again)) {
                throw new SetupException("the two passphrases differ; nothing was created");
            }
        } else {
            throw new SetupException("no passphrase: set TECHO_PASSPHRASE or run techo in a terminal");
        }
        if (chosen.length < 8) {
            throw new SetupException("the passphrase is too short: use at least 8 characters");
        }
        passphrase = chosen;
        return chosen;
    }
}
