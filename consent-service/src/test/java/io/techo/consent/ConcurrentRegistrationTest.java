package io.techo.consent;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.techo.testkit.DirectoryClient;
import io.techo.testkit.ExternalOrContainerInfra;
import io.techo.testkit.TestDevice;
import io.techo.testkit.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Registrations arriving together (a clinic onboarding, the benchmark's set-up) must all succeed, each once. */
@QuarkusTest
@QuarkusTestResource(value = ExternalOrContainerInfra.class, restrictToAnnotatedClass = false)
class ConcurrentRegistrationTest {

    private static final int PATIENTS = 40;
    private static final int CLINICIANS = 20;

    private final DirectoryClient directory = new DirectoryClient(null);

    @Test
    void patientsAndCliniciansRegisteringAtOnceAreAllRegistered() throws Exception {
        String operator = Tokens.operator("op-onboarding");
        String facility = directory.createFacility(operator, "Onboarding " + System.nanoTime() + " Hospital");
        List<Callable<String>> registrations = new ArrayList<>();
        for (int i = 0; i < PATIENTS; i++) {
            int n = i;
            registrations.add(() -> directory.registerPatient(new TestDevice(), "Patient " + n));
        }
        for (int i = 0; i < CLINICIANS; i++) {
            int n = i;
            registrations.add(() -> directory.registerClinician(operator, new TestDevice(), "Dr. " + n, facility));
        }

        ExecutorService threads = Executors.newFixedThreadPool(50);
        List<String> partyIds = new ArrayList<>();
        try {
            for (Future<String> registered : threads.invokeAll(registrations)) {
                partyIds.add(registered.get());
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(partyIds).hasSize(PATIENTS + CLINICIANS).doesNotHaveDuplicates();
        assertThat(partyIds.stream().filter(id -> id.startsWith("pat-"))).hasSize(PATIENTS);
        for (String partyId : partyIds) {
            directory.as(operator).get("/api/v1/parties/" + partyId).then().statusCode(200);
        }
    }
}
