package io.techo.client.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command accepts, before or after the command name. */
public final class GlobalOptions {

    @Option(names = "--profile-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Where this identity's keystore, account and session live (default: $TECHO_HOME, else ~/.techo).")
    Path profileDir;

    @Option(names = "--gateway", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "The gateway (default: $TECHO_GATEWAY, else http://127.0.0.1:8080).")
    String gateway;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print results as JSON, for scripts.")
    boolean json;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean debug;
}
