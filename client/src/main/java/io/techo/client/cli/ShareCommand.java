package io.techo.client.cli;

import io.techo.client.ShareRequest;
import io.techo.client.ShareResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "share", description = {"Grant a clinician access to records by category and/or id, for a purpose and a period.",
    "Signs the grant, wraps the covered records' keys for the clinician; later records in a shared category are wrapped",
    "automatically when you `techo put` them."})
final class ShareCommand implements Callable<Integer> {

    @Option(names = "--with", required = true, paramLabel = "CLINICIAN", description = "The clinician's account id.")
    String grantee;

    @Option(names = {"-c", "--category"}, paramLabel = "CATEGORY", description = "A category to share (repeatable).")
    List<String> categories = new ArrayList<>();

    @Option(names = "--record", paramLabel = "ID", description = "A record to share (repeatable).")
    List<UUID> records = new ArrayList<>();

    @Option(names = "--purpose", defaultValue = "TREAT", paramLabel = "CODE",
            description = "HL7 PurposeOfUse: TREAT, ETREAT, HPAYMT, HRESCH, … (default: ${DEFAULT-VALUE}).")
    String purpose;

    @Option(names = "--until", required = true, paramLabel = "DATE", converter = Times.Until.class,
            description = "Last day (2026-12-31, inclusive) or time (RFC 3339 UTC) of access.")
    Instant until;

    @Option(names = "--from", paramLabel = "DATE", converter = Times.From.class, description = "First day or time of access (default: now).")
    Instant from;

    @Spec
    CommandSpec spec;

    private final CliContext context;

    ShareCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (categories.isEmpty() && records.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "name what to share: --category and/or --record");
        }
        ShareResult result = context.client().share(new ShareRequest(grantee, records, categories, purpose,
                from != null ? from : Instant.now(), until));
        context.output().result(result, () -> "Granted " + grantee + " " + purpose + " access until " + result.grant().notAfter()
                + " (grant " + result.grant().grantId() + "); wrapped the keys of " + result.wrappedRecords().size() + " record(s).\n");
        return ExitCodes.OK;
    }
}
