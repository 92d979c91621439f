package io.techo.client.cli;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "revoke", description = "Revoke a grant: every read that starts from now on is denied.")
final class RevokeCommand implements Callable<Integer> {

    static final String RECALL_NOTE = "Copies the grantee already downloaded cannot be recalled.";

    @Parameters(paramLabel = "GRANT", description = "The grant id (see `techo grants`).")
    UUID grantId;

    private final CliContext context;

    RevokeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.client().revoke(grantId);
        context.output().result(Map.of("grantId", grantId.toString(), "status", "REVOKED", "note", RECALL_NOTE),
                () -> "Revoked grant " + grantId + ": reads from now on are denied. " + RECALL_NOTE + "\n");
        return ExitCodes.OK;
    }
}
