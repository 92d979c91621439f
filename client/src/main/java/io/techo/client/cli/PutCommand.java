package io.techo.client.cli;

import io.techo.client.RecordSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "put", description = {"Encrypt, sign and store files, one record each.",
    "Clinicians with an active grant for the category get the new records' keys automatically."})
final class PutCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The files to store.")
    List<Path> files;

    @Option(names = {"-c", "--category"}, required = true, paramLabel = "CATEGORY",
            description = "The notebook category, e.g. blood-pressure (lowercase letters, digits, '.', '-').")
    String category;

    private final CliContext context;

    PutCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<RecordSummary> stored = context.client().putFiles(files, category, ProgressBar.on(context.terminal(), "storing"));
        context.output().result(stored, () -> {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < stored.size(); i++) {
                text.append(stored.get(i).recordId()).append("  ").append(files.get(i)).append(System.lineSeparator());
            }
            return text.append("Stored ").append(stored.size()).append(" record(s) in ").append(category).append('.')
                    .append(System.lineSeparator()).toString();
        });
        return ExitCodes.OK;
    }
}
