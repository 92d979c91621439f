package io.techo.client.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.techo.client.GatewayHttp;
import io.techo.client.PathSegments;
import io.techo.client.Profile;
import io.techo.client.RegistrationTicket;
import io.techo.client.SetupException;
import io.techo.client.keystore.Keystore;
import io.techo.client.keystore.SecureFiles;
import io.techo.common.crypto.KeyIds;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "operator", description = "Operator commands: enroll this profile, register facilities and clinicians.",
        subcommands = {OperatorCommand.Enroll.class, OperatorCommand.Facility.class, OperatorCommand.Clinician.class})
final class OperatorCommand {

    @Command(name = "enroll", description = {"Make this profile the operator account ID and print the line the gateway needs",
        "(TECHO_GATEWAY_OPERATORS, or one line of .local/keys/operators for deploy/local/up.sh)."})
    static final class Enroll implements Callable<Integer> {

        @Parameters(paramLabel = "ID", description = "The operator's account id, e.g. operator-1.")
        String operatorId;

        private final CliContext context;

        Enroll(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            PathSegments.accountId(operatorId);
            Profile profile = context.profile();
            Keystore.PublicKeys keys = profile.publicKeys();
            profile.accountId().filter(id -> !id.equals(operatorId)).ifPresent(id -> {
                throw new SetupException("this profile is already the account " + id + "; use another --profile-dir");
            });
            profile.saveAccount(operatorId, "operator");
            String line = operatorId + "=" + Base64.getEncoder().encodeToString(keys.signingPublicKey());
            context.output().result(Map.of("operatorId", operatorId, "gatewayEntry", line), () -> line + "\n");
            return ExitCodes.OK;
        }
    }

    @Command(name = "facility", description = "Medical facilities.", subcommands = FacilityAdd.class)
    static final class Facility {
    }

    @Command(name = "add", description = "Register a medical facility; prints its id.")
    static final class FacilityAdd implements Callable<Integer> {

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The facility's name.")
        String name;

        private final CliContext context;

        FacilityAdd(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            String id = context.client().createFacility(name);
            context.output().result(Map.of("facilityId", id, "name", name), () -> id + "\n");
            return ExitCodes.OK;
        }
    }

    @Command(name = "clinician", description = "Clinicians.", subcommands = ClinicianAdd.class)
    static final class Clinician {
    }

    @Command(name = "add", description = {"Start registering a clinician of a facility with the public keys the clinician gave you",
        "(`techo keys show --json` on their device). Writes the ticket they finish with `techo register --ticket FILE`."})
    static final class ClinicianAdd implements Callable<Integer> {

        @Option(names = "--facility", required = true, paramLabel = "ID", description = "The facility's id.")
        String facilityId;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The clinician's display name.")
        String name;

        @Option(names = "--keys", required = true, paramLabel = "FILE", description = "The clinician's `techo keys show --json` output.")
        Path keysFile;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Where to write the registration ticket.")
        Path ticketFile;

        private final CliContext context;

        ClinicianAdd(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            RegistrationTicket ticket = context.client().startClinicianRegistration(facilityId, name, clinicianKeys(keysFile));
            try {
                SecureFiles.write(ticketFile, GatewayHttp.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(ticket));
            } catch (IOException e) {
                throw new SetupException("cannot write the ticket " + ticketFile + ": " + e.getMessage(), e);
            }
            context.output().result(Map.of("clinicianId", ticket.accountId(), "ticket", ticketFile.toString(),
                    "expiresAt", String.valueOf(ticket.expiresAt())),
                    () -> "Clinician " + ticket.accountId() + " pending: give " + ticketFile + " to them to run `techo register --ticket "
                            + ticketFile.getFileName() + "` before " + ticket.expiresAt() + ".\n");
            return ExitCodes.OK;
        }

        private static Keystore.PublicKeys clinicianKeys(Path file) {
            try {
                JsonNode keys = GatewayHttp.JSON.readTree(file.toFile());
                byte[] signing = Base64.getDecoder().decode(keys.path("signingKey").asText());
                byte[] encryption = Base64.getDecoder().decode(keys.path("encryptionKey").asText());
                if (signing.length != 32 || encryption.length != 32
                        || (keys.has("signingKeyId") && !KeyIds.of(signing).equals(keys.get("signingKeyId").asText()))) {
                    throw new SetupException(file + " does not hold a clinician's public keys (techo keys show --json)");
                }
                return new Keystore.PublicKeys(signing, encryption);
            } catch (IOException | IllegalArgumentException e) {
                throw new SetupException("cannot read the clinician's keys from " + file + ": " + e.getMessage(), e);
            }
        }
    }

}
