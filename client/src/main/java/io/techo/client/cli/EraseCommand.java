package io.techo.client.cli;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "erase", description = {"Erase a record for good: its ciphertext and every key are destroyed (crypto-shredding);",
    "a tombstone remains, and the record's log entries can no longer be linked to it."})
final class EraseCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "The record id.")
    UUID recordId;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    private final CliContext context;

    EraseCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Terminal terminal = context.terminal();
        if (!yes && terminal.interactive()) {
            String answer = terminal.console().readLine("Erase record %s? This cannot be undone. [y/N] ", recordId);
            if (answer == null || !answer.trim().equalsIgnoreCase("y")) {
                context.output().note("Nothing erased.");
                return ExitCodes.FAILED;
            }
        }
        context.client().erase(recordId);
        context.output().result(Map.of("recordId", recordId.toString(), "status", "ERASED"),
                () -> "Erased record " + recordId + ".\n");
        return ExitCodes.OK;
    }
}
