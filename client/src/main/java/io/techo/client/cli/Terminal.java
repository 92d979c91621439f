package io.techo.client.cli;

import java.io.Console;
import java.io.PrintWriter;

/**
 * Where the CLI talks to a person: the output streams, whether stderr is a terminal (progress is drawn only then)
 * and, when there is one, the console for passphrase and confirmation prompts.
 */
public record Terminal(PrintWriter out, PrintWriter err, Console console) {

    /** The process's own streams and console. */
    public static Terminal system() {
        Console console = System.console();
        return new Terminal(new PrintWriter(System.out, true), new PrintWriter(System.err, true), console);
    }

    public boolean interactive() {
        return console != null;
    }
}
