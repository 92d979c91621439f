package io.techo.client.cli;

import io.techo.client.ExportResult;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "export", description = {"Write all your records, decrypted, as a FHIR R4 Bundle with their anchor proofs.",
    "The file holds your health data in the clear and is readable by you only."})
final class ExportCommand implements Callable<Integer> {

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The Bundle file to write.")
    Path output;

    private final CliContext context;

    ExportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ExportResult result = context.client().export(output, ProgressBar.on(context.terminal(), "exporting"));
        context.output().result(Map.of("file", output.toString(), "records", result.records(), "withProof", result.withProof()),
                () -> "Exported " + result.records() + " record(s), " + result.withProof() + " with a final anchor proof, to " + output + "\n");
        return ExitCodes.OK;
    }
}
