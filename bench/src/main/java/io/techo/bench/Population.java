package io.techo.bench;

import io.techo.testkit.DirectoryClient;
import io.techo.testkit.TestDevice;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The people of a run: patients and clinicians registered through the gateway (the clinicians by an operator, in one
 * facility), each logged in with their own device key as a real device does.
 */
record Population(List<Party> patients, List<Party> clinicians) {

    /** An account, its device and its gateway access token. */
    record Party(String accountId, TestDevice device, String token) {
    }

    static Population register(String gatewayUrl, Party operator, int patients, int clinicians) {
        DirectoryClient directory = new DirectoryClient(gatewayUrl);
        GatewayLogin login = new GatewayLogin(gatewayUrl);
        String facility = Retry.setUp("creating the facility", () -> directory.createFacility(operator.token(), "Bench clinic"));
        List<Party> clinicianParties = IntStream.range(0, clinicians).parallel().mapToObj(c -> Retry.setUp("registering clinician " + c, () -> {
            TestDevice device = new TestDevice();
            String id = directory.registerClinician(operator.token(), device, "Dr. Bench " + c, facility);
            return new Party(id, device, login.token(id, device));
        })).toList();
        List<Party> patientParties = IntStream.range(0, patients).parallel().mapToObj(p -> Retry.setUp("registering patient " + p, () -> {
            TestDevice device = new TestDevice();
            String id = directory.registerPatient(device, "Patient " + p);
            return new Party(id, device, login.token(id, device));
        })).toList();
        return new Population(patientParties, clinicianParties);
    }
}
