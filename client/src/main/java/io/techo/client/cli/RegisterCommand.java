package io.techo.client.cli;

import io.techo.client.RegistrationTicket;
import io.techo.client.GatewayHttp;
import io.techo.client.SetupException;
import io.techo.client.TechoClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "register", description = {"Register this device's keys, proving you hold them.",
    "Patients: --name. Clinicians: --ticket, the file your operator made with `techo operator clinician add`."})
final class RegisterCommand implements Callable<Integer> {

    static final class Kind {
        @Option(names = "--name", paramLabel = "NAME", description = "Your display name (registers you as a patient).")
        String name;

        @Option(names = "--ticket", paramLabel = "FILE", description = "The clinician registration ticket from your operator.")
        Path ticket;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Kind kind;

    private final CliContext context;

    RegisterCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        TechoClient client = context.client();
        String accountId = kind.name != null ? client.registerPatient(kind.name) : client.completeRegistration(readTicket(kind.ticket));
        String role = client.profile().role().orElse("patient");
        context.output().result(Map.of("accountId", accountId, "role", role),
                () -> "Registered as " + role + " " + accountId + ". Next: `techo login`.\n");
        return ExitCodes.OK;
    }

    private static RegistrationTicket readTicket(Path file) {
        try {
            return GatewayHttp.JSON.readValue(file.toFile(), RegistrationTicket.class);
        } catch (IOException e) {
            throw new SetupException("cannot read the registration ticket " + file + ": " + e.getMessage(), e);
        }
    }
}
