package io.techo.client.cli;

import io.techo.client.RecordContent;
import io.techo.client.SetupException;
import io.techo.client.keystore.SecureFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "get", description = "Download a record, check its owner's signature, decrypt it into a file (readable by you only).")
final class GetCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "The record id.")
    UUID recordId;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Where to write the decrypted record.")
    Path output;

    @Option(names = "--purpose", paramLabel = "CODE", description = "Why you read it (HL7 PurposeOfUse; default TREAT). Clinicians only.")
    String purpose;

    @Option(names = "--force", description = "Overwrite the output file if it exists.")
    boolean force;

    private final CliContext context;

    GetCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (Files.exists(output) && !force) {
            throw new SetupException(output + " exists; choose another file or add --force");
        }
        RecordContent record = context.client().get(recordId, purpose);
        try {
            SecureFiles.write(output, record.plaintext());
        } catch (IOException e) {
            throw new SetupException("cannot write " + output + ": " + e.getMessage(), e);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("record", record.summary());
        result.put("file", output.toString());
        result.put("bytes", record.plaintext().length);
        context.output().result(result, () -> "Wrote " + record.plaintext().length + " bytes of record " + recordId + " ("
                + record.summary().category() + ", owner " + record.summary().ownerId() + ", signature verified) to " + output + "\n");
        return ExitCodes.OK;
    }
}
