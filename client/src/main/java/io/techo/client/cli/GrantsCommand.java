package io.techo.client.cli;

import io.techo.client.Grant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "grants", description = "List your grants (patients) or the grants naming you (clinicians), newest first.")
final class GrantsCommand implements Callable<Integer> {

    private final CliContext context;

    GrantsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<Grant> grants = context.client().grants();
        context.output().result(grants, () -> grants.isEmpty() ? "No grants.\n" : Output.table(
                List.of("GRANT", "PATIENT", "GRANTEE", "SCOPE", "PURPOSE", "UNTIL", "STATUS"),
                grants.stream().map(g -> List.of(g.grantId().toString(), g.patientId(), g.granteeId(), scope(g), g.purpose(),
                        String.valueOf(g.notAfter()), g.status())).toList()));
        return ExitCodes.OK;
    }

    private static String scope(Grant grant) {
        List<String> parts = new java.util.ArrayList<>(grant.scope().categories());
        grant.scope().recordIds().forEach(id -> parts.add("record " + id));
        return String.join(", ", parts);
    }
}
