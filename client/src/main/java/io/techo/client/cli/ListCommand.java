package io.techo.client.cli;

import io.techo.client.RecordSummary;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "ls", description = {"List your records (metadata only), newest first.",
    "Clinicians (or with --shared): the records patients shared with you."})
final class ListCommand implements Callable<Integer> {

    @Option(names = {"-c", "--category"}, paramLabel = "CATEGORY", description = "Only this category.")
    String category;

    @Option(names = "--shared", description = "The records others shared with you (the default for clinicians).")
    boolean shared;

    private final CliContext context;

    ListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        boolean sharedWithMe = shared || context.profile().role().filter("clinician"::equals).isPresent();
        List<RecordSummary> records = context.client().list(category, sharedWithMe);
        context.output().result(records, () -> records.isEmpty() ? "No records.\n" : Output.table(
                List.of("ID", "OWNER", "CATEGORY", "CREATED", "BYTES", "ANCHOR"),
                records.stream().map(r -> List.of(r.recordId().toString(), r.ownerId(), r.category(), String.valueOf(r.createdAt()),
                        String.valueOf(r.ciphertextSize()), r.anchorStatus())).toList()));
        return ExitCodes.OK;
    }
}
