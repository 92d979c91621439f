package io.techo.client.cli;

import io.techo.client.AccessEntry;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "access-log", description = "Who read, or tried to read, your records: when, why, and what was decided.")
final class AccessLogCommand implements Callable<Integer> {

    private final CliContext context;

    AccessLogCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<AccessEntry> entries = context.client().accessLog();
        context.output().result(entries, () -> entries.isEmpty() ? "Nobody else has read your records.\n" : Output.table(
                List.of("WHEN", "WHO", "RECORD", "CATEGORY", "PURPOSE", "DECISION", "REASON"),
                entries.stream().map(e -> List.of(String.valueOf(e.decidedAt()), e.accessorId(), String.valueOf(e.recordId()),
                        e.category(), e.purpose(), e.decision(), e.reason())).toList()));
        return ExitCodes.OK;
    }
}
