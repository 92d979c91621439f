package io.techo.client.cli;

/** {@code techo}: the Techo command line. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.commandLine(System.getenv(), Terminal.system()).execute(args));
    }
}
