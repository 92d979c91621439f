package io.techo.client.cli;

/**
 * The exit codes of {@code techo}, documented in client/README.md. Scripts can rely on them.
 */
public final class ExitCodes {

    /** Done; for {@code verify}: every applicable check passed. */
    public static final int OK = 0;
    /** Refused or failed: access denied, not found, a check failed, wrong passphrase, a server-side validation error. */
    public static final int FAILED = 1;
    /** The command line is wrong: unknown command or option, missing or malformed argument. */
    public static final int USAGE = 2;
    /** The gateway or a service behind it is unreachable or overloaded: try again later. */
    public static final int UNAVAILABLE = 3;

    private ExitCodes() {
    }
}
